#include "services/meetings.h"

#include <set>

#include "domain/access/access.h"
#include "domain/campaign/attachment.h"
#include "domain/clock.h"
#include "domain/error.h"
#include "domain/id_number.h"
#include "domain/text.h"
#include "services/audit.h"
#include "services/crypto.h"
#include "services/nominations.h"
#include "services/person_audit.h"
#include "services/staffing.h"
#include "services/subtree.h"
#include "storage/nomination_repository.h"
#include "storage/repositories.h"

namespace jinguo::services {

namespace {

using domain::selection::Event;
using domain::selection::Step;

std::string required_text(const std::optional<std::string>& v, const char* field, const char* zh, std::size_t max) {
  const std::string t(domain::trim(v.value_or("")));
  if (t.empty()) throw domain::invalid("required", field, std::string("请填写") + zh, std::string(field) + " is required");
  if (domain::utf8_length(t).value_or(max + 1) > max)
    throw domain::invalid("too_long", field, std::string(zh) + "不能超过" + std::to_string(max) + "个字",
                          std::string(field) + " is too long");
  return t;
}

// The meeting's own fields, checked before anything is read.
storage::MeetingRow meeting_of(const NewMeeting& in, const domain::Date& today) {
  storage::MeetingRow m;
  if (!in.held_on) throw domain::invalid("required", "held_on", "请填写会议日期", "held_on is required");
  if (*in.held_on > today)
    throw domain::invalid("held_on_future", "held_on", "会议日期不能晚于今天（请在会后记录）", "the meeting is in the future");
  m.held_on = *in.held_on;
  m.place = required_text(in.place, "place", "会议地点", 100);
  if (!in.attendance) throw domain::invalid("required", "attendance", "请填写参会人数", "attendance is required");
  if (*in.attendance < 1 || *in.attendance > 100000)
    throw domain::invalid("out_of_range", "attendance", "参会人数应为1到100000之间的整数", "attendance is 1..100000");
  m.attendance = static_cast<int>(*in.attendance);
  if (in.notes && !domain::trim(*in.notes).empty()) m.notes = required_text(in.notes, "notes", "备注", 1000);
  if (in.outcomes.empty())
    throw domain::invalid("required", "outcomes", "请选择提交会议的提名人选", "outcomes is required");
  if (in.outcomes.size() > 100)
    throw domain::invalid("too_many", "outcomes", "一次会议最多100名人选", "at most 100 nominees a meeting");
  std::set<domain::selection::NominationId> seen;
  for (std::size_t i = 0; i < in.outcomes.size(); ++i) {
    const std::string at = "outcomes[" + std::to_string(i) + "]";
    if (!in.outcomes[i].confirmed)
      throw domain::invalid("required", at + ".confirmed", "请填写会议是否通过", "confirmed is required");
    if (!seen.insert(in.outcomes[i].nomination_id).second)
      throw domain::invalid("duplicate", at + ".nomination_id", "同一人选不能重复提交", "a nominee is listed twice");
  }
  return m;
}

// Her registered person, or she is registered now from what the nomination holds.
domain::PersonId person_for(const storage::WriteTx& tx, const Actor& actor, const domain::selection::Nomination& n,
                            const domain::Date& today) {
  storage::PersonRepository people(tx);
  if (auto id = people.find_by_id_number(n.id_number)) return *id;
  domain::Person p;
  p.name = n.name;
  auto parsed = domain::parse_id_number(n.id_number, today);
  p.id_number = parsed.value;
  p.birth_date = parsed.birth_date;
  p.sex = parsed.sex;
  p.mobile = n.mobile;
  p.id = people.insert(p, actor.organisation_id, domain::utc_timestamp_now());
  record_audit(tx, actor, {"create", "person", std::to_string(p.id), n.organisation_id, p.id}, person_registered(p));
  return p.id;
}

}  // namespace

MeetingDetail Meetings::Record(const Actor& actor, const NewMeeting& input) {
  domain::require(actor.role, domain::Permission::kWrite);
  const domain::Date today = today_();
  storage::MeetingRow m = meeting_of(input, today);
  if (!input.organisation_id)
    throw domain::invalid("required", "organisation_id", "请选择召开会议的组织", "organisation_id is required");
  return db_.write([&](storage::WriteTx& tx) {
    auto body = storage::OrganisationRepository(tx).find(actor.scope, *input.organisation_id, today);
    if (!body) throw domain::not_found("organisation_id", "组织不存在", "no such organisation");
    const auto& b = body->organisation;
    m.organisation_id = b.id;
    m.created_at = domain::utc_timestamp_now();
    m.created_by = actor.name;
    storage::MeetingRepository meetings(tx);
    storage::NominationRepository nominations(tx);
    m.id = meetings.insert(m);
    MeetingDetail out;
    std::vector<storage::MeetingNomineeRow> nominees;
    for (std::size_t i = 0; i < input.outcomes.size(); ++i) {
      const auto& o = input.outcomes[i];
      const std::string at = "outcomes[" + std::to_string(i) + "].nomination_id";
      auto row = nominations.find(actor.scope, o.nomination_id);
      if (!row) throw domain::not_found(at, "提名不存在", "no such nomination");
      if (row->nomination.organisation_id != b.id)
        throw domain::invalid("other_body", at, row->nomination.name + "被提名到" + row->organisation_name + "，不是" + b.name,
                              "the nomination is to another body");
      domain::selection::EventInput decision;
      decision.passed = *o.confirmed;
      auto after = move_on(tx, actor, row->nomination, Event::kConfirm, decision);
      storage::MeetingNomineeRow n{after.id, after.name, after.role, row->role_label, *o.confirmed, std::nullopt};
      if (*o.confirmed) {
        const domain::PersonId person = person_for(tx, actor, after, today);
        AppointmentCheck check = check_appointment(
            tx, {b.id, b.type, b.parent_id, after.role, person, m.held_on, input.override_reason, is_administrator(actor)});
        domain::Position p;
        p.person_id = person;
        p.organisation_id = b.id;
        p.role = after.role;
        p.manner = after.manner.value_or("volunteer");
        p.start_on = m.held_on;
        p.notes = "妇女群众会议通过（" + m.held_on.iso() + "，" + m.place + "）";
        n.position_id = storage::PositionRepository(tx).insert(p, domain::utc_timestamp_now());
        ChangeSet changes;
        changes.created("person_id", p.person_id).created("organisation_id", p.organisation_id).created("role", p.role)
            .created("manner", p.manner).created("start_on", p.start_on).created("notes", p.notes);
        record_override(changes, check.overridden, input.override_reason);
        record_audit(tx, actor, {"create", "position", std::to_string(*n.position_id), b.id, person}, changes);
        auto appointed = after;
        appointed.person_id = person;
        move_on(tx, actor, appointed, Event::kAppoint, {});
        for (auto& f : check.warnings) {
          if (f.kind == domain::staffing::FindingKind::kSeat && f.person_id == person) {
            domain::staffing::name_people(f, {{person, after.name}});  // her name, not her id
            out.seats.push_back({person, after.name, f});
          }
          else if (f.kind != domain::staffing::FindingKind::kSeat)
            out.warnings.push_back(f);
        }
      }
      meetings.add_nominee(m.id, n, static_cast<int>(i));
      nominees.push_back(std::move(n));
    }
    ChangeSet changes;
    changes.created("on", m.held_on).created("place", m.place).created("attendance", static_cast<long long>(m.attendance))
        .created("notes", m.notes);
    std::vector<std::string> outcome_texts;
    for (const auto& n : nominees) outcome_texts.push_back(n.name + "：" + (n.confirmed ? "通过" : "未通过"));
    changes.created("outcomes", outcome_texts);
    record_audit(tx, actor, {"create", "womens_meeting", std::to_string(m.id), b.id}, changes);
    out.meeting = *meetings.find(domain::Scope::whole_tree(), m.id);
    // Only the last warnings of each rule matter: the body after every appointment.
    std::vector<domain::staffing::Finding> last;
    std::set<std::string> rules;
    for (auto it = out.warnings.rbegin(); it != out.warnings.rend(); ++it)
      if (rules.insert(it->rule).second) last.insert(last.begin(), *it);
    out.warnings = std::move(last);
    return out;
  });
}

storage::Page<storage::MeetingRow> Meetings::List(const Actor& actor, std::optional<domain::OrganisationId> within,
                                                  const storage::PageSpec& page) {
  domain::require(actor.role, domain::Permission::kRead);
  return db_.read([&](storage::ReadTx& tx) {
    return storage::MeetingQueries(tx).list(subtree_path(tx, actor, within, "organisation_id"), page);
  });
}

MeetingDetail Meetings::Meeting(const Actor& actor, storage::MeetingId id) {
  domain::require(actor.role, domain::Permission::kRead);
  auto row = db_.read([&](storage::ReadTx& tx) { return storage::MeetingQueries(tx).find(actor.scope, id); });
  if (!row) throw domain::not_found("id", "会议记录不存在", "no such meeting");
  row->files = db_.read([&](storage::ReadTx& tx) { return storage::MeetingQueries(tx).files_of(id); });
  return {std::move(*row), {}, {}};
}

namespace {

domain::DomainError no_file() { return domain::not_found("id", "会议记录文件不存在", "no such file"); }
constexpr std::size_t kMaxMeetingFiles = 10;

}  // namespace

storage::MeetingFileRow Meetings::AttachMinutes(const Actor& actor, storage::MeetingId meeting,
                                                const std::string& file_name, const std::string& bytes) {
  domain::require(actor.role, domain::Permission::kWrite);
  // Which meeting first (outside her scope nothing is said of the file), then the file.
  db_.read([&](storage::ReadTx& tx) {
    if (!storage::MeetingQueries(tx).find(actor.scope, meeting))
      throw domain::not_found("id", "会议记录不存在", "no such meeting");
  });
  storage::MeetingFileRow f{0, meeting, domain::campaign::attachment_name(file_name),
                            std::string(domain::campaign::require_attachable(bytes)),
                            static_cast<std::int64_t>(bytes.size()), sha256_hex(bytes), "", actor.name};
  const std::string content = to_base64(bytes);
  return db_.write([&](storage::WriteTx& tx) {
    storage::MeetingRepository repo(tx);
    auto m = repo.find(actor.scope, meeting);
    if (!m) throw domain::not_found("id", "会议记录不存在", "no such meeting");
    if (repo.files_of(meeting).size() >= kMaxMeetingFiles)
      throw domain::invalid("too_many_attachments", "file", "每次会议最多上传10个文件", "at most 10 files a meeting");
    f.uploaded_at = domain::utc_timestamp_now();
    f.id = repo.insert_file(f, content);
    ChangeSet changes;
    changes.created("attachment_id", f.id).created("file_name", f.file_name).created("size", f.size)
        .created("sha256", f.sha256);
    record_audit(tx, actor, {"attach", "womens_meeting", std::to_string(meeting), m->organisation_id}, changes);
    return *repo.file(f.id);
  });
}

Meetings::File Meetings::Minutes(const Actor& actor, std::int64_t file) {
  domain::require(actor.role, domain::Permission::kRead);
  return db_.read([&](storage::ReadTx& tx) {
    storage::MeetingQueries q(tx);
    auto f = q.file(file);
    if (!f || !q.find(actor.scope, f->meeting_id)) throw no_file();
    return File{*f, from_base64(q.file_content(file))};
  });
}

void Meetings::DetachMinutes(const Actor& actor, std::int64_t file) {
  domain::require(actor.role, domain::Permission::kWrite);
  db_.write([&](storage::WriteTx& tx) {
    storage::MeetingRepository repo(tx);
    auto f = repo.file(file);
    if (!f) throw no_file();
    auto m = repo.find(actor.scope, f->meeting_id);
    if (!m) throw no_file();
    repo.remove_file(file);
    ChangeSet changes;
    changes.removed("attachment_id", f->id).removed("file_name", f->file_name).removed("size", f->size)
        .removed("sha256", f->sha256);
    record_audit(tx, actor, {"detach", "womens_meeting", std::to_string(f->meeting_id), m->organisation_id}, changes);
  });
}

namespace {

domain::DomainError no_filing() { return domain::not_found("id", "备案记录不存在", "no such filing"); }

ChangeSet filing_changes(const storage::FilingRow& f) {
  ChangeSet c;
  c.created("recipient", std::string(domain::selection::recipient_code(f.recipient)))
      .created("recipient_name", f.recipient_name)
      .created("sent_on", f.sent_on)
      .created("reference", f.reference);
  return c;
}

// Both recipients have acknowledged: the meeting's certified nominees are filed.
void file_nominees(const storage::WriteTx& tx, const Actor& actor, storage::MeetingId meeting) {
  storage::MeetingRepository meetings(tx);
  int acknowledged = 0;
  for (const auto& f : meetings.filings_of(meeting))
    if (f.state == domain::selection::FilingState::kAcknowledged) ++acknowledged;
  if (acknowledged < 2) return;
  auto m = meetings.find(domain::Scope::whole_tree(), meeting);
  storage::NominationQueries nominations(tx);
  for (const auto& n : m->nominees) {
    auto row = nominations.find(domain::Scope::whole_tree(), n.nomination_id);
    if (row && row->nomination.step == Step::kCertified) move_on(tx, actor, row->nomination, Event::kFile, {});
  }
}

}  // namespace

storage::FilingRow Meetings::SendFiling(const Actor& actor, storage::MeetingId meeting, const NewFiling& input) {
  domain::require(actor.role, domain::Permission::kWrite);
  const domain::Date today = today_();
  return db_.write([&](storage::WriteTx& tx) {
    storage::MeetingRepository meetings(tx);
    auto m = meetings.find(actor.scope, meeting);
    if (!m) throw domain::not_found("id", "会议记录不存在", "no such meeting");
    if (!input.recipient) throw domain::invalid("required", "recipient", "请选择备案单位", "recipient is required");
    auto recipient = domain::selection::recipient_from_code(*input.recipient);
    if (!recipient)
      throw domain::invalid("unknown_recipient", "recipient", "备案单位应为同级党组织（party）或上级妇联（federation_above）",
                            "recipient is party or federation_above");
    std::string default_name(domain::selection::recipient_label(*recipient));
    if (*recipient == domain::selection::Recipient::kFederationAbove) {
      auto body = storage::OrganisationRepository(tx).find(domain::Scope::whole_tree(), m->organisation_id, today);
      if (body && body->organisation.parent_id)
        if (auto above = storage::OrganisationRepository(tx).find(domain::Scope::whole_tree(),
                                                                  *body->organisation.parent_id, today))
          default_name = above->organisation.name;
    }
    auto sent = domain::selection::sent_filing(input.recipient_name, default_name, input.sent_on, input.reference,
                                               m->held_on, today);
    storage::FilingRow f;
    f.meeting_id = meeting;
    f.recipient = *recipient;
    f.recipient_name = sent.recipient_name;
    f.sent_on = sent.sent_on;
    f.reference = sent.reference;
    f.created_at = domain::utc_timestamp_now();
    f.created_by = actor.name;
    f.id = meetings.insert_filing(f);
    record_audit(tx, actor, {"send", "filing", std::to_string(f.id), m->organisation_id}, filing_changes(f));
    return *meetings.filing(domain::Scope::whole_tree(), f.id);
  });
}

storage::FilingRow Meetings::AcknowledgeFiling(const Actor& actor, std::int64_t id, std::optional<domain::Date> on) {
  domain::require(actor.role, domain::Permission::kWrite);
  const domain::Date today = today_();
  return db_.write([&](storage::WriteTx& tx) {
    storage::MeetingRepository meetings(tx);
    auto f = meetings.filing(actor.scope, id);
    if (!f) throw no_filing();
    const domain::Date day = on.value_or(today);
    auto state = domain::selection::acknowledged(f->state, f->sent_on, day, today);
    meetings.answer_filing(id, state, day, std::nullopt);
    ChangeSet changes;
    changes.add("state", std::string("sent"), std::string("acknowledged")).created("on", day);
    record_audit(tx, actor, {"acknowledge", "filing", std::to_string(id), f->organisation_id}, changes);
    file_nominees(tx, actor, f->meeting_id);
    return *meetings.filing(domain::Scope::whole_tree(), id);
  });
}

storage::FilingRow Meetings::ReturnFiling(const Actor& actor, std::int64_t id, const std::string& reason) {
  domain::require(actor.role, domain::Permission::kWrite);
  const domain::Date today = today_();
  return db_.write([&](storage::WriteTx& tx) {
    storage::MeetingRepository meetings(tx);
    auto f = meetings.filing(actor.scope, id);
    if (!f) throw no_filing();
    auto state = domain::selection::returned(f->state, reason);
    const std::string why(domain::trim(reason));
    meetings.answer_filing(id, state, today, why);
    ChangeSet changes;
    changes.add("state", std::string("sent"), std::string("returned")).created("reason", why);
    record_audit(tx, actor, {"return", "filing", std::to_string(id), f->organisation_id}, changes);
    return *meetings.filing(domain::Scope::whole_tree(), id);
  });
}

std::vector<storage::FilingRow> Meetings::FilingsOf(const Actor& actor, storage::MeetingId meeting) {
  domain::require(actor.role, domain::Permission::kRead);
  return db_.read([&](storage::ReadTx& tx) {
    storage::MeetingQueries meetings(tx);
    if (!meetings.find(actor.scope, meeting)) throw domain::not_found("id", "会议记录不存在", "no such meeting");
    return meetings.filings_of(meeting);
  });
}

std::vector<storage::UnfiledRow> Meetings::Unfiled(const Actor& actor, std::optional<domain::OrganisationId> within) {
  domain::require(actor.role, domain::Permission::kRead);
  return db_.read([&](storage::ReadTx& tx) {
    return storage::MeetingQueries(tx).unfiled(subtree_path(tx, actor, within, "organisation_id"));
  });
}

}  // namespace jinguo::services
