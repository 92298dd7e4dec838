#include "domain/clock.h"
#include "domain/error.h"
#include "domain/text.h"
#include "services/audit.h"
#include "services/registry.h"
#include "services/registry_organisation_rules.h"
#include "storage/registry_changes.h"

namespace jinguo::services {

namespace {

using domain::Date;
using domain::OrganisationId;
using storage::OrganisationRepository;
using namespace organisation_rules;

}  // namespace

Registry::Registry(storage::Database& db, Clock today)
    : db_(db),
      today_(std::move(today)),
      rosters_(std::make_unique<ResultCache<std::shared_ptr<const Roster>>>(kKeptRosters)),
      people_pages_(std::make_unique<ResultCache<std::shared_ptr<const PeoplePage>>>(kKeptPeoplePages)) {
  if (!today_) today_ = domain::today_in_china;
}

OrganisationDetail Registry::CreateOrganisation(const Actor& actor, const NewOrganisation& input) {
  auto type = domain::body_type_from_code(input.type);
  if (!type) throw domain::invalid("unknown_type", "type", "未知的组织类型", "unknown body type");
  domain::Organisation o;
  o.parent_id = input.parent_id;
  o.type = *type;
  domain::validate_organisation_name(input.name);
  o.name = std::string(domain::trim(input.name));
  if (input.division_code) o.division_code = domain::normalise_division_code(*input.division_code);
  o.pilot = input.pilot;
  o.established_on = input.established_on;
  Date today = today_();
  domain::require(actor.role, domain::Permission::kWrite);
  if (!o.parent_id && !actor.scope.is_whole_tree())  // a new root lies outside every subtree
    throw domain::DomainError(domain::ErrorKind::kForbidden, "forbidden", "parent_id", "只有系统管理员可以创建顶级组织",
                              "only the system administrator creates a root organisation");
  return db_.write([&](storage::WriteTx& tx) {
    std::string parent_path = "/";
    int depth = 0;
    std::optional<domain::BodyType> parent_type;
    if (o.parent_id) {
      auto parent = load(tx, actor.scope, *o.parent_id, today, "parent_id");
      require_open(parent, "parent_id");
      parent_path = parent.path;
      depth = parent.depth + 1;
      parent_type = parent.organisation.type;
    }
    require_parent_type(o.type, parent_type);
    std::string now = domain::utc_timestamp_now();
    OrganisationId id = OrganisationRepository(tx).insert(o, parent_path, depth, now);
    ChangeSet changes;
    changes.created("parent_id", o.parent_id).created("type", std::string(domain::body_type_code(o.type)))
        .created("name", o.name).created("division_code", o.division_code).created("pilot", o.pilot)
        .created("established_on", o.established_on);
    record_audit(tx, actor, {"create", "organisation", std::to_string(id), id}, changes);
    return detail(tx, load(tx, actor.scope, id, today));
  });
}

OrganisationDetail Registry::UpdateOrganisation(const Actor& actor, OrganisationId id,
                                                const OrganisationChanges& input) {
  Date today = today_();
  domain::require(actor.role, domain::Permission::kWrite);
  return db_.write([&](storage::WriteTx& tx) {
    auto row = load(tx, actor.scope, id, today);
    domain::Organisation before = row.organisation, after = row.organisation;
    if (input.name) {
      domain::validate_organisation_name(*input.name);
      after.name = std::string(domain::trim(*input.name));
    }
    if (input.division_code)
      after.division_code = *input.division_code
                                ? std::optional(domain::normalise_division_code(**input.division_code))
                                : std::nullopt;
    if (input.pilot) after.pilot = *input.pilot;
    if (input.established_on) after.established_on = *input.established_on;
    ChangeSet changes;
    changes.add("name", before.name, after.name).add("division_code", before.division_code, after.division_code)
        .add("pilot", before.pilot, after.pilot).add("established_on", before.established_on, after.established_on);
    if (!changes.empty()) {
      OrganisationRepository(tx).update(after, domain::utc_timestamp_now());
      record_audit(tx, actor, {"update", "organisation", std::to_string(id), id}, changes);
    }
    return detail(tx, load(tx, actor.scope, id, today));
  });
}

OrganisationDetail Registry::CloseOrganisation(const Actor& actor, OrganisationId id, Date closed_on) {
  Date today = today_();
  domain::require(actor.role, domain::Permission::kWrite);
  return db_.write([&](storage::WriteTx& tx) {
    refuse_scope_root(actor, id);
    auto row = load(tx, actor.scope, id, today);
    if (!row.organisation.is_open())
      throw domain::invalid("organisation_closed", "closed_on", "该组织已撤销", "the organisation is already closed");
    if (row.organisation.established_on && closed_on < *row.organisation.established_on)
      throw domain::invalid("closed_before_established", "closed_on", "撤销日期不能早于成立日期",
                            "the closing date is before the founding date");
    if (closed_on > today.plus_days(366))
      throw domain::invalid("closed_too_late", "closed_on", "撤销日期不能晚于一年以后",
                            "the closing date is more than a year ahead");
    if (OrganisationRepository(tx).open_children(id) > 0)
      throw domain::invalid("has_open_children", "id", "请先撤销或移走全部下级组织",
                            "close or move the bodies under it first");
    domain::Organisation after = row.organisation;
    after.closed_on = closed_on;
    OrganisationRepository(tx).update(after, domain::utc_timestamp_now());
    ChangeSet changes;
    changes.add("closed_on", row.organisation.closed_on, after.closed_on);
    record_audit(tx, actor, {"close", "organisation", std::to_string(id), id}, changes);
    return detail(tx, load(tx, actor.scope, id, today));
  });
}

OrganisationDetail Registry::Organisation(const Actor& actor, OrganisationId id) {
  Date today = today_();
  return db_.read([&](storage::ReadTx& tx) { return detail(tx, load(tx, actor.scope, id, today)); });
}

storage::Page<storage::OrganisationRow> Registry::Children(const Actor& actor, const storage::ChildrenFilter& filter,
                                                           const storage::PageSpec& page) {
  Date today = today_();
  return db_.read([&](storage::ReadTx& tx) {
    if (filter.parent_id) load(tx, actor.scope, *filter.parent_id, today, "parent_id");
    return OrganisationRepository(tx).children(actor.scope, filter, page, today);
  });
}

storage::Page<OrganisationDetail> Registry::SearchOrganisations(const Actor& actor, const std::string& text,
                                                                std::optional<OrganisationId> within,
                                                                std::optional<domain::BodyType> type,
                                                                const storage::PageSpec& page) {
  Date today = today_();
  return db_.read([&](storage::ReadTx& tx) {
    OrganisationRepository repo(tx);
    storage::SearchFilter filter{std::string(domain::trim(text)), actor.scope.path, type, false, std::nullopt};
    if (within) filter.within_path = load(tx, actor.scope, *within, today, "within").path;
    auto found = repo.search(filter, page, today);
    std::vector<OrganisationId> ids;
    for (const auto& r : found.items)
      for (auto id : storage::ids_in_path(r.path)) ids.push_back(id);
    auto entries = repo.entries(ids);
    storage::Page<OrganisationDetail> out;
    out.total = found.total;
    for (auto& r : found.items) {
      OrganisationDetail d{r, {}};
      for (auto id : storage::ids_in_path(r.path))
        if (auto it = entries.find(id); it != entries.end()) d.path.push_back(it->second);
      out.items.push_back(std::move(d));
    }
    return out;
  });
}

std::int64_t Registry::generation_for(const Actor& actor) {
  if (actor.registry_generation) return *actor.registry_generation;
  return db_.read_one([](storage::ReadTx& tx) { return storage::registry_generation(tx); });
}

// A roster depends on the body, the day and what the database holds (its members, their
// people, the bodies' names, the dictionaries' labels and order): not on who asks, once her
// scope is checked, since masking is done when it is written out.
std::shared_ptr<const Roster> Registry::RosterOn(const Actor& actor, OrganisationId id, std::optional<Date> on) {
  Date day = on.value_or(today_());
  const auto key_at = [&](std::int64_t generation) {
    return std::to_string(id) + "|" + day.iso() + "|" + std::to_string(generation);
  };
  // Most requests find their roster kept under the generation read with the session: nothing
  // more is read, and the body's path kept with it answers the scope check (a move raises the
  // generation).
  if (auto kept = rosters_->find(key_at(generation_for(actor)))) {
    if (!actor.scope.contains((*kept)->path)) throw no_organisation("id");
    return *kept;
  }
  return db_.read([&](storage::ReadTx& tx) {
    auto path = OrganisationRepository(tx).path_in(actor.scope, id);
    if (!path) throw no_organisation("id");
    const std::int64_t generation = storage::registry_generation(tx);
    return rosters_->get(key_at(generation), generation, [&] {
      return std::make_shared<const Roster>(Roster{id, day, storage::PositionRepository(tx).roster(id, day), *path});
    });
  });
}

}  // namespace jinguo::services
