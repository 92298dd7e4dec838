// Restructuring the tree (docs/api-contract.md, "Restructuring"): moving a subtree, renaming,
// converting (村改居, 村妇代会改建村妇联) and merging (撤并). A correction rewrites the current
// version; a change on a day starts new versions from that day, so every report on an earlier
// day still counts each body where it stood, under the name and type it had.
#include <set>

#include "domain/clock.h"
#include "domain/error.h"
#include "domain/restructuring.h"
#include "domain/text.h"
#include "services/audit.h"
#include "services/registry.h"
#include "services/registry_organisation_rules.h"

namespace jinguo::services {

namespace {

using domain::Date;
using domain::OrganisationId;
using storage::OrganisationRepository;
using storage::PositionRepository;
using namespace organisation_rules;

// The day of a change to the body at row (and its subtree when `subtree`).
void require_day(const storage::ReadTx& tx, const storage::OrganisationRow& row, bool subtree, const Date& on,
                 const Date& today) {
  domain::require_change_day(on, today, OrganisationRepository(tx).latest_change(row.path, subtree),
                             row.organisation.established_on, row.organisation.closed_on);
}

// Moves the body at `row` with its subtree under `parent` (a correction when `on` is absent).
void move_subtree(const storage::WriteTx& tx, const storage::OrganisationRow& row,
                  const storage::OrganisationRow& parent, const std::optional<Date>& on) {
  OrganisationRepository repo(tx);
  if (on) repo.start_versions(row.path, true, *on);
  std::string new_path = parent.path + std::to_string(row.organisation.id) + "/";
  repo.move(row.organisation.id, parent.organisation.id, row.path, new_path, parent.depth + 1 - row.depth,
            domain::utc_timestamp_now());
}

// A position of a restructured body ends on `on` and, when `role` is given, the person holds
// one in `body` from `on`: ended and started (or, when it started on `on` itself, moved there).
struct Carry {
  const storage::WriteTx& tx;
  AuditBatch& audit;
  Date on;
  std::string reason;

  void end(const domain::Position& p) {
    PositionRepository(tx).end(p.id, on, reason, domain::utc_timestamp_now());
    ChangeSet changes;
    changes.add("end_on", p.end_on, std::optional(on)).add("end_reason", p.end_reason, std::optional(reason));
    audit.record({"end", "position", std::to_string(p.id), p.organisation_id, p.person_id}, changes);
  }

  void remove(const domain::Position& p) {
    PositionRepository(tx).remove(p.id);
    ChangeSet changes;
    changes.removed("person_id", p.person_id).removed("organisation_id", p.organisation_id)
        .removed("role", p.role).removed("start_on", p.start_on).created("reason", reason);
    audit.record({"delete", "position", std::to_string(p.id), p.organisation_id, p.person_id}, changes);
  }

  void start(const domain::Position& from, OrganisationId body, const std::string& role) {
    domain::Position p;
    p.person_id = from.person_id;
    p.organisation_id = body;
    p.role = role;
    p.manner = from.manner;
    p.source = from.source;
    p.start_on = on;
    auto id = PositionRepository(tx).insert(p, domain::utc_timestamp_now());
    ChangeSet changes;
    changes.created("person_id", p.person_id).created("organisation_id", p.organisation_id).created("role", p.role)
        .created("manner", p.manner).created("source", p.source).created("start_on", p.start_on)
        .created("reason", reason);
    audit.record({"create", "position", std::to_string(id), body, p.person_id}, changes);
  }

  // Ends `p` on `on` (a position that starts on `on` cannot end then: it is removed instead).
  void close(const domain::Position& p) {
    if (p.start_on < on)
      end(p);
    else
      remove(p);
  }
};

}  // namespace

OrganisationDetail Registry::MoveOrganisation(const Actor& actor, OrganisationId id, OrganisationId new_parent,
                                              std::optional<Date> on) {
  Date today = today_();
  domain::require(actor.role, domain::Permission::kWrite);
  return db_.write([&](storage::WriteTx& tx) {
    refuse_scope_root(actor, id);
    auto row = load(tx, actor.scope, id, today);
    require_open(row, "id");
    auto parent = load(tx, actor.scope, new_parent, today, "parent_id");
    require_open(parent, "parent_id");
    if (parent.path.starts_with(row.path))
      throw domain::invalid("move_into_own_subtree", "parent_id", "不能把组织移到它自己或它的下级组织之下",
                            "a body cannot move under itself or one of its descendants");
    require_parent_type(row.organisation.type, parent.organisation.type);
    if (on) require_day(tx, row, true, *on, today);
    move_subtree(tx, row, parent, on);
    ChangeSet changes;
    changes.add("parent_id", row.organisation.parent_id, std::optional<OrganisationId>(new_parent));
    if (on) changes.created("on", *on);
    record_audit(tx, actor, {"move", "organisation", std::to_string(id), id}, changes);
    return detail(tx, load(tx, actor.scope, id, today));
  });
}

OrganisationDetail Registry::RenameOrganisation(const Actor& actor, OrganisationId id, const std::string& name,
                                                Date on) {
  Date today = today_();
  domain::require(actor.role, domain::Permission::kWrite);
  domain::validate_organisation_name(name);
  std::string new_name(domain::trim(name));
  return db_.write([&](storage::WriteTx& tx) {
    auto row = load(tx, actor.scope, id, today);
    require_open(row, "id");
    if (new_name == row.organisation.name)
      throw domain::invalid("same_name", "name", "新名称与现名称相同", "the new name is the current one");
    require_day(tx, row, false, on, today);
    OrganisationRepository repo(tx);
    repo.start_versions(row.path, false, on);
    domain::Organisation after = row.organisation;
    after.name = new_name;
    repo.update(after, domain::utc_timestamp_now());
    ChangeSet changes;
    changes.add("name", row.organisation.name, after.name).created("on", on);
    record_audit(tx, actor, {"rename", "organisation", std::to_string(id), id}, changes);
    return detail(tx, load(tx, actor.scope, id, today));
  });
}

OrganisationDetail Registry::ConvertOrganisation(const Actor& actor, OrganisationId id, const std::string& type,
                                                 Date on) {
  Date today = today_();
  domain::require(actor.role, domain::Permission::kWrite);
  auto to = domain::body_type_from_code(type);
  if (!to) throw domain::invalid("unknown_type", "type", "未知的组织类型", "unknown body type");
  return db_.write([&](storage::WriteTx& tx) {
    auto row = load(tx, actor.scope, id, today);
    require_open(row, "id");
    domain::BodyType from = row.organisation.type;
    domain::require_conversion(from, *to);
    if (row.organisation.parent_id) {
      auto parent = OrganisationRepository(tx).find(domain::Scope::whole_tree(), *row.organisation.parent_id, today);
      require_parent_type(*to, parent ? std::optional(parent->organisation.type) : std::nullopt);
    }
    require_day(tx, row, false, on, today);
    OrganisationRepository repo(tx);
    repo.start_versions(row.path, false, on);
    repo.set_type(id, *to, domain::utc_timestamp_now());
    AuditBatch audit(tx, actor);
    Carry carry{tx, audit, on,
                "组织改建：" + std::string(domain::body_type_label(from)) + "改为" +
                    std::string(domain::body_type_label(*to))};
    for (const auto& held : PositionRepository(tx).roster(id, on)) {
      const auto& p = held.row.position;
      std::string role = domain::role_in(p.role, *to);
      if (role == p.role) continue;
      carry.close(p);
      carry.start(p, id, role);
    }
    ChangeSet changes;
    changes.add("type", std::string(domain::body_type_code(from)), std::string(domain::body_type_code(*to)))
        .created("on", on);
    audit.record({"convert", "organisation", std::to_string(id), id}, changes);
    audit.flush();
    return detail(tx, load(tx, actor.scope, id, today));
  });
}

MergeResult Registry::MergeOrganisations(const Actor& actor, OrganisationId id, OrganisationId into_id, Date on) {
  Date today = today_();
  domain::require(actor.role, domain::Permission::kWrite);
  return db_.write([&](storage::WriteTx& tx) {
    refuse_scope_root(actor, id);
    auto from = load(tx, actor.scope, id, today);
    require_open(from, "id");
    auto into = load(tx, actor.scope, into_id, today, "into_id");
    require_open(into, "into_id");
    if (into.path.starts_with(from.path) || from.path.starts_with(into.path))
      throw domain::invalid("merge_not_allowed", "into_id", "不能并入自身、它的上级或下级组织",
                            "a body cannot merge into itself, an ancestor or a descendant");
    domain::require_merge(from.organisation.type, into.organisation.type);
    require_day(tx, from, true, on, today);
    require_day(tx, into, false, on, today);

    OrganisationRepository repo(tx);
    // Two bodies of one name cannot stand under one parent: name the clash before anything moves.
    std::set<std::string> taken;
    for (const auto& [child, entry] : repo.entries(repo.open_child_ids(into_id))) taken.insert(entry.name);
    const auto children = repo.open_child_ids(id);
    for (const auto& [child, entry] : repo.entries(children))
      if (taken.contains(entry.name))
        throw domain::invalid("organisation_name_taken", "into_id",
                              into.organisation.name + "下已有同名组织「" + entry.name + "」，请先将其中一个更名再撤并",
                              "the target already has a body named " + entry.name);
    AuditBatch audit(tx, actor);
    MergeResult result;
    for (OrganisationId child_id : children) {
      auto child = load(tx, domain::Scope::whole_tree(), child_id, today);
      require_parent_type(child.organisation.type, into.organisation.type);
      require_day(tx, child, true, on, today);
      move_subtree(tx, child, into, on);
      ChangeSet changes;
      changes.add("parent_id", child.organisation.parent_id, std::optional(into_id)).created("on", on);
      audit.record({"move", "organisation", std::to_string(child_id), child_id}, changes);
      ++result.moved_children;
    }

    std::set<domain::PersonId> in_into;
    bool into_has_chair = false;
    for (const auto& held : PositionRepository(tx).roster(into_id, on)) {
      in_into.insert(held.row.position.person_id);
      into_has_chair = into_has_chair || held.row.position.role == "chair";
    }
    Carry carry{tx, audit, on, "组织撤并：并入" + into.organisation.name};
    for (const auto& held : PositionRepository(tx).roster(id, on)) {
      const auto& p = held.row.position;
      carry.close(p);
      ++result.ended_positions;
      if (!in_into.insert(p.person_id).second) continue;  // she already serves there, or moved in just now
      std::string role = domain::role_in(p.role, into.organisation.type);
      if (role == "chair" && into_has_chair) role = "vice_chair";
      into_has_chair = into_has_chair || role == "chair";
      carry.start(p, into_id, role);
      ++result.moved_members;
    }

    domain::Organisation closed = from.organisation;
    closed.closed_on = on;
    repo.update(closed, domain::utc_timestamp_now());
    ChangeSet changes;
    changes.created("into_id", into_id).created("on", on).created("closed_on", on)
        .created("moved_children", result.moved_children).created("moved_members", result.moved_members)
        .created("ended_positions", result.ended_positions);
    audit.record({"merge", "organisation", std::to_string(id), id}, changes);
    audit.flush();
    result.into = detail(tx, load(tx, actor.scope, into_id, today));
    return result;
  });
}

std::vector<storage::VersionRow> Registry::OrganisationHistory(const Actor& actor, OrganisationId id) {
  return db_.read([&](storage::ReadTx& tx) {
    if (!OrganisationRepository(tx).path_in(actor.scope, id)) throw no_organisation("id");
    return OrganisationRepository(tx).versions(id);
  });
}

}  // namespace jinguo::services
