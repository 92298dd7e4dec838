// Routes of the women's meetings: parse, call one use case, write the answer.
#include "http/meeting_routes.h"

#include "http/dto.h"
#include "http/request.h"
#include "http/staffing_dto.h"

namespace jinguo::http {

namespace {

// outcomes: [{"nomination_id": 7, "confirmed": true}, …], each field named where it is wrong.
std::vector<services::MeetingOutcome> outcomes_of(const JsonBody& body) {
  std::vector<services::MeetingOutcome> out;
  for (const auto& item : body.object_list("outcomes", {"nomination_id", "confirmed"}))
    out.push_back({item.required_integer("nomination_id"), item.boolean("confirmed")});
  return out;
}

void meeting_fields(JsonWriter& w, const storage::MeetingRow& m) {
  w.field("id", m.id)
      .field("organisation_id", m.organisation_id)
      .field("organisation_name", m.organisation_name)
      .field("held_on", m.held_on.iso())
      .field("place", m.place)
      .field("attendance", m.attendance)
      .field("notes", m.notes)
      .field("created_at", m.created_at)
      .field("created_by", m.created_by);
}

void meeting(JsonWriter& w, const storage::MeetingRow& m) { w.object([&] { meeting_fields(w, m); }); }

void meeting_file(JsonWriter& w, const storage::MeetingFileRow& f) {
  w.begin_object()
      .field("id", f.id)
      .field("meeting_id", f.meeting_id)
      .field("file_name", f.file_name)
      .field("content_type", f.content_type)
      .field("size", f.size)
      .field("sha256", f.sha256)
      .field("uploaded_at", f.uploaded_at)
      .field("uploaded_by", f.uploaded_by)
      .end_object();
}

JsonWriter detail(const services::MeetingDetail& d) {
  JsonWriter w;
  const services::FindingContext context;
  w.begin_object();
  meeting_fields(w, d.meeting);
  w.key("nominees").array(d.meeting.nominees, [&](const storage::MeetingNomineeRow& n) {
    w.begin_object()
        .field("nomination_id", n.nomination_id)
        .field("name", n.name)
        .field("role", n.role)
        .field("role_label", n.role_label)
        .field("confirmed", n.confirmed)
        .field("position_id", n.position_id)
        .end_object();
  });
  w.key("seats").array(d.seats, [&](const services::SeatProposal& s) {
    w.begin_object().field("person_id", s.person_id).field("person_name", s.person_name).key("finding");
    dto::finding(w, s.finding, context);
    w.end_object();
  });
  w.key("warnings");
  dto::findings(w, d.warnings, context);
  w.key("files").array(d.meeting.files, [&](const storage::MeetingFileRow& f) { meeting_file(w, f); });
  w.end_object();
  return w;
}

void filing(JsonWriter& w, const storage::FilingRow& f) {
  w.begin_object()
      .field("id", f.id)
      .field("meeting_id", f.meeting_id)
      .field("organisation_id", f.organisation_id)
      .field("recipient", domain::selection::recipient_code(f.recipient))
      .field("recipient_label", domain::selection::recipient_label(f.recipient))
      .field("recipient_name", f.recipient_name)
      .field("sent_on", f.sent_on.iso())
      .field("reference", f.reference)
      .field("state", domain::selection::filing_state_code(f.state))
      .field("state_label", domain::selection::filing_state_label(f.state))
      .field("answered_on", f.answered_on ? std::optional<std::string>(f.answered_on->iso()) : std::nullopt)
      .field("return_reason", f.return_reason)
      .field("created_at", f.created_at)
      .field("created_by", f.created_by)
      .end_object();
}

JsonWriter one_filing(const storage::FilingRow& f) {
  JsonWriter w;
  filing(w, f);
  return w;
}

std::optional<std::string> state_of(const std::optional<domain::selection::FilingState>& s) {
  return s ? std::optional<std::string>(domain::selection::filing_state_code(*s)) : std::nullopt;
}

}  // namespace

void add_meeting_routes(Api& api, services::Meetings& meetings) {
  api.post("/api/meetings", [&](const httplib::Request& req, const services::Actor& actor) {
    JsonBody body(req.body, {"organisation_id", "held_on", "place", "attendance", "notes", "outcomes", "override_reason"});
    services::NewMeeting in;
    in.organisation_id = body.integer("organisation_id");
    in.held_on = body.date("held_on");
    in.place = body.text("place");
    in.attendance = body.integer("attendance");
    in.notes = body.text("notes");
    in.override_reason = body.text("override_reason");
    in.outcomes = outcomes_of(body);
    return Reply{201, detail(meetings.Record(actor, in))};
  });
  api.get("/api/meetings", [&](const httplib::Request& req, const services::Actor& actor) {
    QueryParams q(req);
    auto page = q.page({"held_on"});
    return Reply{200, dto::page(meetings.List(actor, q.id("organisation_id"), page), page, meeting)};
  });
  api.get(R"(/api/meetings/(\d+))", [&](const httplib::Request& req, const services::Actor& actor) {
    return Reply{200, detail(meetings.Meeting(actor, path_id(req)))};
  });
  api.upload(R"(/api/meetings/(\d+)/files)", [&](const httplib::Request& req, const services::Actor& actor) {
    auto name = QueryParams(req).text("file_name").value_or("");
    JsonWriter w;
    meeting_file(w, meetings.AttachMinutes(actor, path_id(req), name, req.body));
    return Reply{201, std::move(w)};
  });
  api.get(R"(/api/meeting-files/(\d+))", [&](const httplib::Request& req, const services::Actor& actor) {
    auto f = meetings.Minutes(actor, path_id(req));
    return download(std::move(f.bytes), f.row.content_type, f.row.file_name);
  });
  api.del(R"(/api/meeting-files/(\d+))", [&](const httplib::Request& req, const services::Actor& actor) {
    meetings.DetachMinutes(actor, path_id(req));
    return no_content();
  });
  api.get(R"(/api/meetings/(\d+)/filings)", [&](const httplib::Request& req, const services::Actor& actor) {
    JsonWriter w;
    w.begin_object().key("items").array(meetings.FilingsOf(actor, path_id(req)),
                                        [&](const storage::FilingRow& f) { filing(w, f); });
    w.end_object();
    return Reply{200, std::move(w)};
  });
  api.post(R"(/api/meetings/(\d+)/filings)", [&](const httplib::Request& req, const services::Actor& actor) {
    JsonBody body(req.body, {"recipient", "recipient_name", "sent_on", "reference"});
    services::NewFiling in{body.text("recipient"), body.text("recipient_name"), body.date("sent_on"),
                           body.text("reference")};
    return Reply{201, one_filing(meetings.SendFiling(actor, path_id(req), in))};
  });
  api.post(R"(/api/filings/(\d+)/acknowledge)", [&](const httplib::Request& req, const services::Actor& actor) {
    JsonBody body(req.body, {"on"});
    return Reply{200, one_filing(meetings.AcknowledgeFiling(actor, path_id(req), body.date("on")))};
  });
  api.post(R"(/api/filings/(\d+)/return)", [&](const httplib::Request& req, const services::Actor& actor) {
    JsonBody body(req.body, {"reason"});
    return Reply{200, one_filing(meetings.ReturnFiling(actor, path_id(req), body.text("reason").value_or("")))};
  });
  api.get("/api/filings/unfiled", [&](const httplib::Request& req, const services::Actor& actor) {
    JsonWriter w;
    w.begin_object().key("items").array(meetings.Unfiled(actor, QueryParams(req).id("organisation_id")),
                                        [&](const storage::UnfiledRow& u) {
                                          w.begin_object();
                                          meeting_fields(w, u.meeting);
                                          w.field("party", state_of(u.party))
                                              .field("federation_above", state_of(u.federation_above))
                                              .end_object();
                                        });
    w.end_object();
    return Reply{200, std::move(w)};
  });
}

}  // namespace jinguo::http
