#pragma once
// Reference data (字典): roles, manners of service, source categories, ethnicities,
// political statuses and education levels. Codes never change once stored.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/organisation.h"

namespace jinguo::domain {

enum class DictionaryKind { kRole, kManner, kSource, kEthnicity, kPoliticalStatus, kEducation };

inline constexpr DictionaryKind kAllDictionaryKinds[] = {
    DictionaryKind::kRole,      DictionaryKind::kManner,          DictionaryKind::kSource,
    DictionaryKind::kEthnicity, DictionaryKind::kPoliticalStatus, DictionaryKind::kEducation};

std::string_view dictionary_kind_code(DictionaryKind kind);  // "political_status"
std::optional<DictionaryKind> dictionary_kind_from_code(std::string_view code);

struct DictionaryEntry {
  DictionaryKind kind = DictionaryKind::kRole;
  std::string code;
  std::string label;
  std::optional<std::string> label_en;
  std::optional<std::string> short_label;
  int sort_order = 0;
  bool active = true;
  std::optional<std::vector<std::string>> body_types;  // roles only
};

// Code rule: [a-z0-9_]{1,40}. Throws DomainError (field "code").
void validate_dictionary_code(std::string_view code);
// Label rules (1–100 code points, valid UTF-8). Throws DomainError naming the field.
void validate_dictionary_label(std::string_view field, std::string_view label, bool required);
// Body types of a role: each must be a known body type code. Throws (field "body_types").
void validate_body_types(const std::vector<std::string>& body_types);

// Whether a role may be held in a body of the given type.
bool role_allowed_in(const DictionaryEntry& role, BodyType type);
// The labels of the roles a body of the type has, in the dictionary's order (entries as
// listed, any kinds): what a clerk may write there.
std::vector<std::string> roles_allowed_in(const std::vector<DictionaryEntry>& entries, BodyType type);

// "chair,vice_chair" <-> {"chair","vice_chair"}
std::vector<std::string> split_codes(std::string_view joined);
std::string join_codes(const std::vector<std::string>& codes);

}  // namespace jinguo::domain
