#pragma once
// The reads behind the five forms (docs/api-contract.md, "Issue 11 (first step)"): the stored
// layouts, and the positions held on a date in a subtree, each in ONE query over the
// materialised-path range of the bodies' versions on that date ("The tree as it stood").
// Positions are streamed to a visitor as they are read (views into the row, valid during the
// call): a form over a whole city never holds its positions.
//
// A subtree is named by the path of its root body today ("/" for the whole tree) and read as
// it stood on the date asked. Given a HeldIndex, each_held, level_counts and bodies are
// answered from it (the counting forms); without one, in SQL, the reference implementation.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/date.h"
#include "domain/forms/counting.h"
#include "domain/organisation.h"
#include "domain/person.h"
#include "storage/database.h"

namespace jinguo::storage {

struct FormLayoutRow {
  int form = 0;
  int version = 0;
  std::string definition;  // JSON
};

// Which bodies a form's rows are made of.
enum class FormBodies {
  kLevels,     // street, township, community, village, village_congress
  kDistricts,  // district, county, county_city
};

struct FormBody {
  domain::OrganisationId id = 0;
  domain::BodyType type = domain::BodyType::kCity;
  std::string name;
};

struct BodyTypeCount {
  domain::BodyType type = domain::BodyType::kCity;
  long long bodies = 0;
};

// A position held on a date with what the drill-down shows of it.
struct HeldNamed {
  domain::forms::Held held;
  std::string_view person_name, organisation_name;
};

// A vice-chair, standing or executive position in a district-level federation (form 3).
struct CommitteeRow {
  domain::OrganisationId organisation_id = 0;
  std::string organisation_name;
  domain::PersonId person_id = 0;
  std::string name, sex;
  domain::Date birth_date;
  std::optional<std::string> ethnicity, political_status, education, work_unit, job_title, mobile;
  std::string role, manner;
};

class HeldIndex;

class FormQueries {
 public:
  explicit FormQueries(const ReadTx& tx, HeldIndex* index = nullptr) : tx_(tx), index_(index) {}

  // The latest version of each form, by form.
  std::vector<FormLayoutRow> latest_layouts() const;
  // The latest version of one form (or `version` when given); nullopt when not stored.
  std::optional<FormLayoutRow> layout(int form, std::optional<int> version = std::nullopt) const;

  // Every position held on `on` in the bodies of `kind` under `path` (the subtree's root
  // included), ordered by body type then person (kLevels) or by body then person (kDistricts).
  void each_held(const std::string& path, const domain::Date& on, FormBodies kind,
                 const std::function<void(const domain::forms::Held&)>& visit) const;
  // The same positions as numbers in `codes`' numbering (from the index: no code's text read).
  void each_held_facts(const std::string& path, const domain::Date& on, FormBodies kind,
                       domain::forms::CodeBook& codes,
                       const std::function<void(const domain::forms::HeldFacts&)>& visit) const;
  // The same positions with names, ordered by person then body path (the drill-down).
  void each_held_named(const std::string& path, const domain::Date& on, FormBodies kind,
                       const std::function<void(const HeldNamed&)>& visit) const;
  // Bodies of each level type open on `on` under `path`.
  std::vector<BodyTypeCount> level_counts(const std::string& path, const domain::Date& on) const;
  // Bodies of `kind` open on `on` under `path`, in tree order.
  std::vector<FormBody> bodies(const std::string& path, const domain::Date& on, FormBodies kind) const;
  // Form 3's positions held on `on`: vice_chair (part_time), standing, executive in the
  // district-level federations under `path`, in tree order, then by person.
  std::vector<CommitteeRow> committee(const std::string& path, const domain::Date& on) const;

 private:
  const ReadTx& tx_;
  HeldIndex* index_;
};

}  // namespace jinguo::storage
