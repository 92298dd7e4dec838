#include "http/campaign_dto.h"

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace jinguo::http::dto {

namespace {

using namespace domain::campaign;

std::optional<std::string> iso(const std::optional<domain::Date>& d) {
  return d ? std::optional<std::string>(d->iso()) : std::nullopt;
}

void status_fields(JsonWriter& w, const Status& s) {
  w.field("state", standing_code(s.standing)).field("overdue_days", s.overdue_days);
}

// A submission without its snapshot (lists), or with it (one submission).
void submission_fields(JsonWriter& w, const storage::SubmissionRow& s) {
  w.field("id", s.id)
      .field("milestone_id", s.milestone_id)
      .field("organisation_id", s.organisation_id)
      .field("organisation_name", s.organisation_name)
      .field("version", s.version)
      .field("state", state_code(s.state))
      .field("sha256", s.sha256)
      .field("explanation", s.explanation)
      .field("days_late", s.days_late)
      .field("submitted_at", s.submitted_at)
      .field("submitted_by", s.submitted_by)
      .field("decided_at", s.decided_at)
      .field("decided_by", s.decided_by)
      .field("decision_reason", s.decision_reason);
}

void campaign_fields(JsonWriter& w, const storage::CampaignRow& row) {
  const auto& c = row.campaign;
  w.field("id", c.id)
      .field("organisation_id", c.organisation_id)
      .field("organisation_name", row.organisation_name)
      .field("name", c.name)
      .field("document_number", c.document_number)
      .field("document_date", iso(c.document_date))
      .field("document_text", c.document_text)
      .field("baseline_on", c.baseline_on.iso());
}

}  // namespace

void campaign(JsonWriter& w, const storage::CampaignRow& row) {
  w.object([&] { campaign_fields(w, row); });
}

void campaigns(JsonWriter& w, const std::vector<storage::CampaignRow>& rows) {
  w.begin_object().key("items").array(rows, [&](const storage::CampaignRow& r) { campaign(w, r); }).end_object();
}

void milestone(JsonWriter& w, const Milestone& m) {
  w.begin_object()
      .field("id", m.id)
      .field("campaign_id", m.campaign_id)
      .field("title", m.title)
      .field("kind", kind_code(m.kind))
      .field("form", m.form ? std::optional<std::int64_t>(*m.form) : std::nullopt)
      .field("level", level_code(m.level))
      .field("level_label", level_label(m.level))
      .field("due_on", m.due_on.iso())
      .field("report_on", m.report_day().iso())
      .field("sort_order", m.sort_order)
      .end_object();
}

void campaign_detail(JsonWriter& w, const services::CampaignDetail& d) {
  w.object([&] {
    campaign_fields(w, d.row);
    w.key("milestones").array(d.milestones, [&](const Milestone& m) { milestone(w, m); });
  });
}

void dashboard(JsonWriter& w, const services::Dashboard& d) {
  w.begin_object().key("milestone");
  milestone(w, d.milestone);
  w.field("campaign_name", d.campaign_name).key("items").array(d.lines, [&](const services::DashboardLine& l) {
    w.begin_object()
        .field("organisation_id", l.body.id)
        .field("organisation_name", l.body.name)
        .field("type", domain::body_type_code(l.body.type))
        .field("pilot", l.body.pilot);
    status_fields(w, l.status);
    w.field("version", l.latest ? std::optional<std::int64_t>(l.latest->version) : std::nullopt)
        .field("submission_id", l.latest ? std::optional<std::int64_t>(l.latest->id) : std::nullopt)
        .field("submitted_at", l.latest ? std::optional(l.latest->submitted_at) : std::nullopt)
        .field("days_late", l.latest ? l.latest->days_late : 0)
        .field("reminders", l.reminders)
        .field("last_reminded_at", l.last_reminded_at)
        .end_object();
  });
  w.end_object();
}

void reminder(JsonWriter& w, const storage::ReminderRow& r) {
  w.begin_object()
      .field("id", r.id)
      .field("milestone_id", r.milestone_id)
      .field("organisation_id", r.organisation_id)
      .field("note", r.note)
      .field("sent_at", r.sent_at)
      .field("sent_by", r.sent_by)
      .end_object();
}

void progress(JsonWriter& w, const services::Progress& p) {
  w.begin_object().key("milestone");
  milestone(w, p.milestone);
  w.field("organisation_id", p.body.id).field("organisation_name", p.body.name);
  status_fields(w, p.status);
  w.key("versions").array(p.versions, [&](const storage::SubmissionRow& s) {
    w.begin_object();
    submission_fields(w, s);
    w.end_object();
  });
  w.key("reminders").array(p.reminders, [&](const storage::ReminderRow& r) { reminder(w, r); });
  w.end_object();
}

void submission_detail(JsonWriter& w, const services::SubmissionDetail& d) {
  w.begin_object();
  submission_fields(w, d.row);
  w.key("milestone");
  milestone(w, d.milestone);
  w.key("snapshot").dom(nlohmann::json::parse(d.row.snapshot));
  w.key("drift").array(d.drift, [&](const services::Drift& x) {
    w.begin_object()
        .field("row", x.row)
        .field("column", x.column)
        .field("submitted", x.submitted ? std::optional<std::int64_t>(*x.submitted) : std::nullopt)
        .field("live", x.live ? std::optional<std::int64_t>(*x.live) : std::nullopt)
        .end_object();
  });
  w.end_object();
}

void deadlines(JsonWriter& w, const std::vector<services::OwnDeadline>& items) {
  w.begin_object().key("items").array(items, [&](const services::OwnDeadline& d) {
    w.begin_object().field("campaign_name", d.campaign_name).key("milestone");
    milestone(w, d.milestone);
    status_fields(w, d.status);
    w.field("last_reminded_at", d.last_reminded_at).end_object();
  });
  w.end_object();
}

namespace {

void spot_check_fields(JsonWriter& w, const storage::SpotCheckRow& s) {
  w.field("id", s.id)
      .field("campaign_id", s.campaign_id)
      .field("organisation_id", s.organisation_id)
      .field("organisation_name", s.organisation_name)
      .field("seed", std::to_string(s.seed))  // a string: 64 bits do not fit a JavaScript number
      .field("sample_size", s.sample_size)
      .field("drawn_at", s.drawn_at)
      .field("drawn_by", s.drawn_by)
      .field("checked", s.checked)
      .field("differences", s.differences);
}

}  // namespace

void spot_check(JsonWriter& w, const storage::SpotCheckRow& s) {
  w.begin_object();
  spot_check_fields(w, s);
  w.key("items").array(s.items, [&](const storage::SpotCheckItemRow& i) {
    w.begin_object()
        .field("organisation_id", i.organisation_id)
        .field("organisation_name", i.organisation_name)
        .field("type", domain::body_type_code(i.type))
        .field("type_label", domain::body_type_label(i.type))
        .field("stratum", stratum_code(i.stratum))
        .field("finding", i.finding ? std::optional<std::string>(std::string(finding_code(*i.finding))) : std::nullopt)
        .field("differences", i.differences)
        .field("notes", i.notes)
        .field("checked_on", iso(i.checked_on))
        .field("checked_by", i.checked_by)
        .end_object();
  });
  w.end_object();
}

void spot_checks(JsonWriter& w, const std::vector<storage::SpotCheckRow>& rows) {
  w.begin_object().key("items").array(rows, [&](const storage::SpotCheckRow& s) {
    w.begin_object();
    spot_check_fields(w, s);
    w.end_object();
  });
  w.end_object();
}

}  // namespace jinguo::http::dto
