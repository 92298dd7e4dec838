// Routes of the recruitment notices: parse, call one use case, write the answer (docs/api-contract.md,
// "Issue 13 (step 2): recruitment notices and public self-nomination").
#include "http/notice_routes.h"

#include <array>
#include <cctype>

#include "domain/text.h"
#include "http/dto.h"
#include "http/request.h"
#include "services/crypto.h"

namespace jinguo::http {

namespace {

using domain::selection::notice_state_code;
using domain::selection::notice_state_label;

void places(JsonWriter& w, const storage::NoticeRow& r, bool english) {
  w.key("places").array(r.places, [&](const storage::NoticePlaceRow& p) {
    w.begin_object().field("role", p.role).field("role_label", p.role_label);
    if (english) w.field("role_label_en", p.role_label_en.value_or(p.role_label));
    w.field("places", p.places).end_object();
  });
}

void text_fields(JsonWriter& w, const services::NoticeView& v) {
  const auto& f = v.row.notice.fields;
  w.field("coverage", domain::selection::coverage_code(f.coverage))
      .field("title", f.title)
      .field("duties", f.duties)
      .field("conditions", f.conditions)
      .field("how_to_apply", f.how_to_apply)
      .field("contact", f.contact)
      .field("deadline", f.deadline.iso())
      .field("open", v.open)
      .field("closed_reason", v.closed_reason ? std::optional<std::string>(*v.closed_reason) : std::nullopt);
}

void notice(JsonWriter& w, const services::NoticeView& v) {
  const auto& r = v.row;
  w.begin_object()
      .field("id", r.notice.id)
      .field("organisation_id", r.notice.organisation_id)
      .field("organisation_name", r.organisation_name);
  text_fields(w, v);
  places(w, r, false);
  w.field("state", notice_state_code(r.notice.state))
      .field("state_label", notice_state_label(r.notice.state))
      .field("slug", r.notice.slug)
      .field("public_url", v.public_url)
      .field("published_at", r.published_at)
      .field("closed_at", r.closed_at)
      .field("nominations", static_cast<std::int64_t>(r.nominations))
      .field("created_at", r.created_at)
      .field("created_by", r.created_by)
      .field("updated_at", r.updated_at)
      .end_object();
}

void public_notice(JsonWriter& w, const services::PublicNotice& p) {
  w.begin_object().field("organisation_name", p.notice.row.organisation_name);
  text_fields(w, p.notice);
  places(w, p.notice.row, true);
  w.key("bodies").array(p.bodies, [&](const services::PublicBody& b) {
    w.begin_object().field("id", b.id).field("name", b.name).key("roles").array(b.roles, [&](const std::string& r) {
      w.value(r);
    });
    w.end_object();
  });
  w.end_object();
}

domain::selection::NoticeInput notice_input(const JsonBody& body) {
  domain::selection::NoticeInput in;
  in.coverage = body.text("coverage");
  in.title = body.text("title");
  in.duties = body.text("duties");
  in.conditions = body.text("conditions");
  in.how_to_apply = body.text("how_to_apply");
  in.contact = body.text("contact");
  in.deadline = body.date("deadline");
  for (const auto& p : body.object_list("places", {"role", "places"})) in.places.push_back({p.text("role"), p.integer("places")});
  return in;
}

constexpr std::array<std::string_view, 8> kNoticeFields = {"coverage",     "title",   "places",  "duties",
                                                           "conditions",   "how_to_apply", "contact", "deadline"};
constexpr std::array<std::string_view, 9> kNewNoticeFields = {"organisation_id", "coverage",     "title",
                                                              "places",          "duties",       "conditions",
                                                              "how_to_apply",    "contact",      "deadline"};

// What a self-nomination may weigh: her fields and a statement of 500 characters fit many times over.
constexpr std::size_t kMaxPublicBody = 16 * 1024;

// ?state=CODE: draft, published or closed (400 otherwise).
std::optional<domain::selection::NoticeState> state_of(const QueryParams& q) {
  auto code = q.text("state");
  if (!code) return std::nullopt;
  auto state = domain::selection::notice_state_from_code(*code);
  if (!state) throw domain::malformed("invalid_parameter", "state", "公告状态应为draft、published或closed",
                                      "state is draft, published or closed");
  return state;
}

Reply too_many(int retry_after, std::string field, std::string zh) {
  Reply r = error_reply(domain::DomainError(domain::ErrorKind::kTooManyRequests, "too_many_requests", std::move(field),
                                            std::move(zh), "too many requests: try again later"));
  r.headers.emplace("Retry-After", std::to_string(retry_after));
  return r;
}

// The ID number as the per-person limit keys it: hashed, upper case, without spaces.
std::string id_number_key(const std::optional<std::string>& id_number) {
  std::string key;
  for (char c : id_number.value_or(""))
    if (!std::isspace(static_cast<unsigned char>(c))) key.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  return services::sha256_hex(key);
}

}  // namespace

void add_notice_routes(Api& api, services::Notices& notices, RateLimit& public_limit, RateLimit& id_number_limit) {
  api.post("/api/notices", [&](const httplib::Request& req, const services::Actor& actor) {
    JsonBody body(req.body, kNewNoticeFields);
    JsonWriter w;
    notice(w, notices.Create(actor, body.integer("organisation_id"), notice_input(body)));
    return Reply{201, std::move(w)};
  });
  api.get("/api/notices", [&](const httplib::Request& req, const services::Actor& actor) {
    QueryParams q(req);
    auto page = q.page({"id"});
    return Reply{200, dto::page(notices.List(actor, q.id("organisation_id"), state_of(q), page), page, notice)};
  });
  api.get(R"(/api/notices/(\d+))", [&](const httplib::Request& req, const services::Actor& actor) {
    JsonWriter w;
    notice(w, notices.Get(actor, path_id(req)));
    return Reply{200, std::move(w)};
  });
  api.put(R"(/api/notices/(\d+))", [&](const httplib::Request& req, const services::Actor& actor) {
    JsonBody body(req.body, kNoticeFields);
    JsonWriter w;
    notice(w, notices.Update(actor, path_id(req), notice_input(body)));
    return Reply{200, std::move(w)};
  });
  api.del(R"(/api/notices/(\d+))", [&](const httplib::Request& req, const services::Actor& actor) {
    notices.Delete(actor, path_id(req));
    return no_content();
  });
  api.post(R"(/api/notices/(\d+)/publish)", [&](const httplib::Request& req, const services::Actor& actor) {
    JsonWriter w;
    notice(w, notices.Publish(actor, path_id(req)));
    return Reply{200, std::move(w)};
  });
  api.post(R"(/api/notices/(\d+)/close)", [&](const httplib::Request& req, const services::Actor& actor) {
    JsonWriter w;
    notice(w, notices.Close(actor, path_id(req)));
    return Reply{200, std::move(w)};
  });
  api.get(R"(/api/notices/(\d+)/poster\.pdf)", [&](const httplib::Request& req, const services::Actor& actor) {
    auto d = notices.Poster(actor, path_id(req));
    return download(std::move(d.bytes), kPdfType, d.file_name);
  });

  // Public: anyone with the address. The patterns take any path segment so that a slug or code
  // of the wrong shape gets the same 404 as an unknown one.
  api.open("GET", R"(/api/public/notices/([^/]{1,200}))", [&](const httplib::Request& req, const services::Client& client) {
    int retry_after = 0;
    if (!public_limit.allow(client.address, retry_after)) return too_many(retry_after, "", "访问过于频繁，请稍后再试");
    JsonWriter w;
    public_notice(w, notices.Public(req.matches[1].str()));
    return Reply{200, std::move(w)};
  });
  api.open("POST", R"(/api/public/notices/([^/]{1,200})/nominations)",
           [&](const httplib::Request& req, const services::Client& client) {
             check_same_origin(req);
             if (req.body.size() > kMaxPublicBody) throw body_too_large(kMaxPublicBody);
             int retry_after = 0;
             if (!public_limit.allow(client.address, retry_after))
               return too_many(retry_after, "", "提交过于频繁，请稍后再试");
             JsonBody body(req.body, {"organisation_id", "role", "name", "id_number", "mobile", "statement"});
             services::SelfNomination in{body.integer("organisation_id"), body.text("role"),   body.text("name"),
                                         body.text("id_number"),          body.text("mobile"), body.text("statement")};
             if (!id_number_limit.allow(id_number_key(in.id_number), retry_after))
               return too_many(retry_after, "id_number", "该身份证号提交过于频繁，请一小时后再试");
             auto receipt = notices.Nominate(req.matches[1].str(), in, client.address);
             JsonWriter w;
             w.begin_object()
                 .field("receipt_code", receipt.code)
                 .field("step", domain::selection::step_code(receipt.step))
                 .field("step_label", domain::selection::step_label(receipt.step))
                 .field("step_label_en", domain::selection::step_label_en(receipt.step))
                 .end_object();
             return Reply{201, std::move(w)};
           });
  api.open("GET", R"(/api/public/nominations/([^/]{1,200}))", [&](const httplib::Request& req, const services::Client& client) {
    int retry_after = 0;
    if (!public_limit.allow(client.address, retry_after)) return too_many(retry_after, "", "查询过于频繁，请稍后再试");
    auto s = notices.Status(req.matches[1].str());
    JsonWriter w;
    w.begin_object()
        .field("step", domain::selection::step_code(s.step))
        .field("step_label", domain::selection::step_label(s.step))
        .field("step_label_en", domain::selection::step_label_en(s.step))
        .field("organisation_name", s.organisation_name)
        .field("role_label", s.role_label)
        .field("role_label_en", s.role_label_en.value_or(s.role_label))
        .field("notice_title", s.notice_title)
        .field("submitted_on", s.submitted_on)
        .field("updated_on", s.updated_on)
        .end_object();
    return Reply{200, std::move(w)};
  });
}

}  // namespace jinguo::http
