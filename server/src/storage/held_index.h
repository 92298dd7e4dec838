#pragma once
// A per-process, packed copy of what the forms and the compliance page count: every body
// with its versions (where it stood, what it was called and what type it was, dated), every
// position (body, person, dates, role, manner, source) with its holder's form attributes
// (birth date, education, political status, ethnicity). Shared by all request threads; kept
// in step with the database by the change feed (registry_changes.h): before each read it
// reads the registry's generation in the request's transaction and, when it moved, reloads
// the positions and people changed since (any change to a body reloads the bodies: they are
// few). Answers exactly what FormQueries and ComplianceQueries answer in SQL (the reference),
// reading the tree as it stood on the date (docs/api-contract.md, "The tree as it stood").
//
// Memory: 32 bytes a position (the holder's attributes inline, so that a count never looks a
// person up), about 40 bytes a body version plus its name and path; nothing per person
// without a position. No heap object per row: the arrays and one text block.
#include <cstdint>
#include <functional>
#include <memory>
#include <shared_mutex>
#include <string>
#include <vector>

#include "domain/date.h"
#include "domain/forms/counting.h"
#include "storage/compliance_queries.h"
#include "storage/database.h"
#include "storage/form_queries.h"

namespace jinguo::storage {

class HeldIndex {
 public:
  HeldIndex();
  ~HeldIndex();
  HeldIndex(const HeldIndex&) = delete;
  HeldIndex& operator=(const HeldIndex&) = delete;

  class View;
  // Brings the index up to the generation `tx` sees (everything on first use), then holds
  // it for reading until the view goes. Never hold two views on one thread.
  View view(const ReadTx& tx);

  struct Size {
    std::int64_t generation = -1;  // -1: not loaded yet
    std::size_t bodies = 0, versions = 0, positions = 0, bytes = 0;
    long long full_loads = 0, updates = 0;  // how often it loaded everything, applied changes
  };
  Size size() const;

  struct Data;

 private:
  void catch_up(const ReadTx& tx, std::int64_t generation);
  std::unique_ptr<Data> data_;
  mutable std::shared_mutex mutex_;
};

// The index as of one read. Each query takes the subtree as the path of its root body today
// ("/" for the whole tree) and reads it as it stood on `on`, as the SQL reference does.
class HeldIndex::View {
 public:
  View(std::shared_lock<std::shared_mutex> lock, const Data& data) : lock_(std::move(lock)), data_(data) {}

  // FormQueries::each_held: grouped by row (body type or body), then by person.
  void each_held(const std::string& path, const domain::Date& on, FormBodies kind,
                 const std::function<void(const domain::forms::Held&)>& visit) const;
  // The same as numbers in `codes`' numbering (each of the index's codes looked up once).
  void each_held_facts(const std::string& path, const domain::Date& on, FormBodies kind,
                       domain::forms::CodeBook& codes,
                       const std::function<void(const domain::forms::HeldFacts&)>& visit) const;
  std::vector<BodyTypeCount> level_counts(const std::string& path, const domain::Date& on) const;
  std::vector<FormBody> bodies(const std::string& path, const domain::Date& on, FormBodies kind) const;
  // ComplianceQueries::bodies, held_in_subtree and ended_in.
  std::vector<SubtreeBody> subtree_bodies(const std::string& path, const domain::Date& on) const;
  std::vector<HeldRow> held_in_subtree(const std::string& path, const domain::Date& on) const;
  // ComplianceQueries::ended_in: the latest ended first.
  std::vector<HeldRow> ended_in(const std::vector<domain::OrganisationId>& bodies, const domain::Date& on,
                                const std::vector<std::string>& roles) const;

 private:
  std::shared_lock<std::shared_mutex> lock_;
  const Data& data_;
};

}  // namespace jinguo::storage
