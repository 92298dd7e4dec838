#include "services/nominations.h"

#include "domain/access/access.h"
#include "domain/access/masking.h"
#include "domain/clock.h"
#include "domain/error.h"
#include "services/audit.h"
#include "services/dictionary_checks.h"
#include "services/subtree.h"

namespace jinguo::services {

namespace {

using domain::selection::Event;
using domain::selection::NominationId;

domain::DomainError no_nomination() { return domain::not_found("id", "提名不存在", "no such nomination"); }

storage::NominationRow load(const storage::ReadTx& tx, const Actor& actor, NominationId id) {
  auto row = storage::NominationQueries(tx).find(actor.scope, id);
  if (!row) throw no_nomination();
  return *row;
}

// The nomination as the caller reads it: the matched person only when she may see her, her
// positions held today in the caller's subtree, the steps oldest first.
NominationDetail detail_of(const storage::ReadTx& tx, const Actor& actor, NominationId id, const domain::Date& today,
                           bool full) {
  NominationDetail d{load(tx, actor, id), std::nullopt, {}, storage::NominationQueries(tx).steps(id), full};
  if (auto person = d.row.nomination.person_id) {
    storage::PersonRepository people(tx);
    if (people.find(actor.scope, *person)) {
      d.person_id = person;
      d.current_positions = people.current_positions(actor.scope, {*person}, today);
    }
  }
  return d;
}

// The registered person whose ID number is hers, if any.
std::optional<domain::PersonId> person_matching(const storage::ReadTx& tx, const std::string& id_number) {
  return storage::PersonRepository(tx).find_by_id_number(id_number);
}

AuditTarget target(std::string_view action, const domain::selection::Nomination& n) {
  return {std::string(action), "nomination", std::to_string(n.id), n.organisation_id, n.person_id};
}

// A new nomination's fields as the audit keeps them (personal data masked).
ChangeSet nominated(const domain::selection::Nomination& n) {
  ChangeSet c;
  c.created("organisation_id", n.organisation_id)
      .created("role", n.role)
      .created("channel", std::string(domain::selection::channel_code(n.channel)))
      .created("nominated_by", n.nominated_by)
      .created("name", n.name)
      .created("id_number", domain::mask_id_number(n.id_number))
      .created("mobile", domain::mask_optional_phone(n.mobile))
      .created("statement", n.statement)
      .created("person_id", n.person_id)
      .created("step", std::string(domain::selection::step_code(n.step)));
  return c;
}

// An event's record: the step moved, what the event carried, the person linked by it.
ChangeSet transition_changes(const domain::selection::Nomination& before, const domain::selection::Transition& t) {
  ChangeSet c;
  c.add("step", std::string(domain::selection::step_code(before.step)),
        std::string(domain::selection::step_code(t.after.step)))
      .add("person_id", before.person_id, t.after.person_id);
  if (t.record.passed) c.created("passed", *t.record.passed);
  if (t.record.manner) c.created("manner", *t.record.manner);
  if (t.record.note) c.created("note", *t.record.note);
  return c;
}

}  // namespace

NominationDetail Nominations::Nominate(const Actor& actor, const NewNomination& input) {
  domain::require(actor.role, domain::Permission::kWrite);
  const domain::Date today = today_();
  if (!input.organisation_id)
    throw domain::invalid("required", "organisation_id", "请选择提名到的组织", "organisation_id is required");
  return db_.write([&](storage::WriteTx& tx) {
    // before the fields: outside her subtree the body does not exist
    auto body = storage::OrganisationRepository(tx).find(actor.scope, *input.organisation_id, today);
    if (!body) throw domain::not_found("organisation_id", "组织不存在", "no such organisation");
    if (!body->organisation.is_open())
      throw domain::invalid("organisation_closed", "organisation_id", "该组织已撤销，不能提名",
                            "the organisation is closed");
    domain::selection::NominationInput fields = input.fields;
    if (input.person_id) {
      if (fields.name || fields.id_number)
        throw domain::malformed("person_and_fields", "person_id", "已选择登记人员时不填写姓名和身份证号",
                                "name and id_number come from the person's record");
      auto person = storage::PersonRepository(tx).find(actor.scope, *input.person_id);
      if (!person) throw domain::not_found("person_id", "人员不存在", "no such person");
      fields.name = person->name;
      fields.id_number = person->id_number;
      if (!fields.mobile) fields.mobile = person->mobile;
    }
    auto n = domain::selection::nominate(body->organisation.id, fields, today);
    require_role_in(tx, n.role, body->organisation);
    storage::NominationRepository repo(tx);
    if (auto open = repo.open_nomination(n.organisation_id, n.role, n.id_number))
      throw domain::selection::already_nominated(*open);
    n.person_id = person_matching(tx, n.id_number);
    n.id = repo.insert(n, actor.name, domain::utc_timestamp_now());
    record_audit(tx, actor, target("create", n), nominated(n));
    return detail_of(tx, actor, n.id, today, false);
  });
}

storage::Page<storage::NominationRow> Nominations::List(const Actor& actor, const NominationQuery& query,
                                                        const storage::PageSpec& page) {
  return db_.read([&](storage::ReadTx& tx) {
    storage::NominationFilter filter{subtree_path(tx, actor, query.organisation_id, "organisation_id"), query.step,
                                    query.notice_id};
    return storage::NominationQueries(tx).list(filter, page);
  });
}

NominationDetail Nominations::Nomination(const Actor& actor, NominationId id, bool full) {
  const domain::Date today = today_();
  if (!full) return db_.read([&](storage::ReadTx& tx) { return detail_of(tx, actor, id, today, false); });
  domain::require(actor.role, domain::Permission::kReveal);
  return db_.write([&](storage::WriteTx& tx) {
    NominationDetail d = detail_of(tx, actor, id, today, true);
    ChangeSet changes;
    changes.created("field", std::vector<std::string>{"id_number", "mobile"});
    record_audit(tx, actor, target("reveal", d.row.nomination), changes);
    return d;
  });
}

NominationDetail Nominations::RecordAssessment(const Actor& actor, NominationId id,
                                               const domain::selection::EventInput& input) {
  return advance(actor, id, Event::kAssess, input);
}

NominationDetail Nominations::DecideManner(const Actor& actor, NominationId id,
                                           const domain::selection::EventInput& input) {
  return advance(actor, id, Event::kDecideManner, input);
}

NominationDetail Nominations::Withdraw(const Actor& actor, NominationId id, const domain::selection::EventInput& input) {
  return advance(actor, id, Event::kWithdraw, input);
}

domain::selection::Nomination move_on(const storage::WriteTx& tx, const Actor& actor,
                                      const domain::selection::Nomination& before, Event event,
                                      const domain::selection::EventInput& input) {
  domain::selection::Transition t = domain::selection::apply(before, event, input);
  if (!t.after.person_id) t.after.person_id = person_matching(tx, t.after.id_number);
  storage::NominationRepository repo(tx);
  const std::string now = domain::utc_timestamp_now();
  if (!repo.advance(t.after, before.step, now))
    throw domain::conflict("out_of_order", "step", "该提名刚被他人办理，请刷新后再试",
                           "the nomination was moved on by someone else meanwhile");
  repo.record_step(before.id, t.record, actor.name, now);
  record_audit(tx, actor, target(domain::selection::event_code(event), t.after), transition_changes(before, t));
  return t.after;
}

NominationDetail Nominations::advance(const Actor& actor, NominationId id, Event event,
                                      const domain::selection::EventInput& input) {
  domain::require(actor.role, domain::Permission::kWrite);
  const domain::Date today = today_();
  return db_.write([&](storage::WriteTx& tx) {
    move_on(tx, actor, load(tx, actor, id).nomination, event, input);
    return detail_of(tx, actor, id, today, false);
  });
}

}  // namespace jinguo::services
