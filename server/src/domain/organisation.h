#pragma once
// The organisation tree: city → district/county/county-level city → street/township →
// community/village, or a village women's congress (村妇代会).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.h"

namespace jinguo::domain {

enum class BodyType {
  kCity,
  kDistrict,
  kCounty,
  kCountyCity,
  kStreet,
  kTownship,
  kCommunity,
  kVillage,
  kVillageCongress,
};

inline constexpr BodyType kAllBodyTypes[] = {
    BodyType::kCity,     BodyType::kDistrict,  BodyType::kCounty,
    BodyType::kCountyCity, BodyType::kStreet,  BodyType::kTownship,
    BodyType::kCommunity, BodyType::kVillage,  BodyType::kVillageCongress};

std::string_view body_type_code(BodyType t);            // "village_congress"
std::optional<BodyType> body_type_from_code(std::string_view code);
std::string_view body_type_label(BodyType t);     // "村妇代会"
std::string_view body_type_label_en(BodyType t);  // "village women's congress"

// 0 city, 1 district/county/county-level city, 2 street/township, 3 grassroots.
int body_type_level(BodyType t);

// Whether a body of type `child` may stand directly under one of type `parent`.
// The root (a city) has no parent: may_have_parent(kCity, nullopt) is true.
bool may_stand_under(BodyType child, std::optional<BodyType> parent);

// The types a body of type `parent` may have as children (for forms and errors).
std::vector<BodyType> child_types_of(BodyType parent);

using OrganisationId = std::int64_t;

struct Organisation {
  OrganisationId id = 0;
  std::optional<OrganisationId> parent_id;
  BodyType type = BodyType::kCity;
  std::string name;
  std::optional<std::string> division_code;  // 12 digits (GB/T 2260 + township/village part)
  bool pilot = false;                        // 示范点
  std::optional<Date> established_on;
  std::optional<Date> closed_on;             // set: the body is closed, its history kept
  bool is_open() const { return !closed_on.has_value(); }
};

// Validation of a body's own fields; throws DomainError with the field at fault.
void validate_organisation_name(std::string_view name);
// Accepts 6 (GB/T 2260 county level, padded) or 12 digits; returns the 12-digit form.
std::string normalise_division_code(std::string_view code);

}  // namespace jinguo::domain
