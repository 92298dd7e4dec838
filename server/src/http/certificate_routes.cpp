// Routes of the certificates: parse, call one use case, write the answer (docs/api-contract.md,
// "Issue 13: certificates").
#include "http/certificate_routes.h"

#include <string_view>

#include "http/dto.h"
#include "http/request.h"

namespace jinguo::http {

namespace {

using domain::selection::certificate_kind_code;
using domain::selection::certificate_kind_label;
using domain::selection::certificate_kind_label_en;

void status_fields(JsonWriter& w, const domain::selection::CertificateStatus& s) {
  w.field("valid", s.valid)
      .field("status", s.valid ? "valid" : "revoked")
      .field("revoked_on", s.revoked_on ? std::optional<std::string>(s.revoked_on->iso()) : std::nullopt)
      .field("revoke_reason", s.reason);
}

void certificate(JsonWriter& w, const services::CertificateView& v) {
  const auto& c = v.row;
  w.begin_object()
      .field("id", c.id)
      .field("number", c.number_text)
      .field("kind", certificate_kind_code(c.kind))
      .field("kind_label", certificate_kind_label(c.kind))
      .field("position_id", c.position_id)
      .field("person_id", c.person_id)
      .field("holder_name", c.holder_name)
      .field("organisation_id", c.organisation_id)
      .field("organisation_name", c.organisation_name)
      .field("role", c.role)
      .field("role_label", c.role_label)
      .field("start_on", c.start_on.iso())
      .field("issuer_id", c.issuer_id)
      .field("issuer_name", c.issuer_name)
      .field("issued_on", c.issued_on.iso())
      .field("issued_at", c.issued_at)
      .field("issued_by", c.issued_by)
      .field("prints", c.prints)
      .field("verify_url", v.verify_url);
  status_fields(w, v.status);
  w.end_object();
}

void verification(JsonWriter& w, const services::Verification& v) {
  w.begin_object()
      .field("number", v.number_text)
      .field("kind", certificate_kind_code(v.kind))
      .field("kind_label", certificate_kind_label(v.kind))
      .field("kind_label_en", certificate_kind_label_en(v.kind))
      .field("holder", v.holder)
      .field("organisation_name", v.organisation_name)
      .field("role_label", v.role_label)
      .field("issuer_name", v.issuer_name)
      .field("start_on", v.start_on.iso())
      .field("issued_on", v.issued_on.iso());
  status_fields(w, v.status);
  w.end_object();
}

JsonWriter prefix_of(domain::OrganisationId id, const std::string& prefix) {
  JsonWriter w;
  w.begin_object().field("organisation_id", id).field("prefix", prefix).end_object();
  return w;
}

// "1,2,3" → the ids (400 naming `ids` otherwise).
std::vector<storage::CertificateId> id_list(const std::optional<std::string>& text) {
  std::vector<storage::CertificateId> out;
  if (!text) return out;
  std::string_view rest = *text;
  while (!rest.empty()) {
    auto comma = rest.find(',');
    auto part = rest.substr(0, comma);
    storage::CertificateId id = 0;
    if (part.empty() || part.size() > 15 || part.find_first_not_of("0123456789") != std::string_view::npos)
      throw domain::malformed("invalid_parameter", "ids", "参数 ids 应为以逗号分隔的证书编号",
                              "ids must be certificate ids separated by commas");
    for (char c : part) id = id * 10 + (c - '0');
    out.push_back(id);
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  return out;
}

}  // namespace

void add_certificate_routes(Api& api, services::Certificates& certificates, RateLimit& public_limit) {
  api.post("/api/certificates", [&](const httplib::Request& req, const services::Actor& actor) {
    JsonBody body(req.body, {"position_ids"});
    auto issued = certificates.Issue(actor, body.integer_list("position_ids"));
    JsonWriter w;
    w.begin_object().key("items").array(issued, [&](const services::CertificateView& v) { certificate(w, v); });
    w.end_object();
    return Reply{201, std::move(w)};
  });
  api.get("/api/certificates", [&](const httplib::Request& req, const services::Actor& actor) {
    QueryParams q(req);
    auto page = q.page({"issued_at"});
    return Reply{200, dto::page(certificates.List(actor, q.id("organisation_id"), q.id("position_id"), page), page,
                                certificate)};
  });
  api.get("/api/certificates.pdf", [&](const httplib::Request& req, const services::Actor& actor) {
    auto d = certificates.Print(actor, id_list(QueryParams(req).text("ids")));
    return download(std::move(d.bytes), kPdfType, d.file_name);
  });
  api.get(R"(/api/certificates/(\d+))", [&](const httplib::Request& req, const services::Actor& actor) {
    JsonWriter w;
    certificate(w, certificates.Get(actor, path_id(req)));
    return Reply{200, std::move(w)};
  });
  api.get(R"(/api/certificates/(\d+)\.pdf)", [&](const httplib::Request& req, const services::Actor& actor) {
    auto d = certificates.Print(actor, {path_id(req)});
    return download(std::move(d.bytes), kPdfType, d.file_name);
  });
  api.post(R"(/api/certificates/(\d+)/revoke)", [&](const httplib::Request& req, const services::Actor& actor) {
    JsonBody body(req.body, {"reason"});
    JsonWriter w;
    certificate(w, certificates.Revoke(actor, path_id(req), body.text("reason").value_or("")));
    return Reply{200, std::move(w)};
  });
  api.get(R"(/api/organisations/(\d+)/certificate-prefix)", [&](const httplib::Request& req, const services::Actor& actor) {
    return Reply{200, prefix_of(path_id(req), certificates.PrefixOf(actor, path_id(req)))};
  });
  api.put(R"(/api/organisations/(\d+)/certificate-prefix)", [&](const httplib::Request& req, const services::Actor& actor) {
    JsonBody body(req.body, {"prefix"});
    return Reply{200, prefix_of(path_id(req), certificates.SetPrefix(actor, path_id(req), body.text("prefix").value_or("")))};
  });

  // Public: anyone holding a code. The pattern takes any path segment so that a code of the wrong
  // shape gets the same 404 as an unknown one.
  api.open("GET", R"(/api/public/certificates/([^/]{1,200}))",
           [&](const httplib::Request& req, const services::Client& client) {
             int retry_after = 0;
             if (!public_limit.allow(client.address, retry_after)) {
               Reply r = error_reply(domain::DomainError(domain::ErrorKind::kTooManyRequests, "too_many_requests", "",
                                                         "查询过于频繁，请稍后再试", "too many requests: try again later"));
               r.headers.emplace("Retry-After", std::to_string(retry_after));
               return r;
             }
             JsonWriter w;
             verification(w, certificates.Verify(req.matches[1].str()));
             return Reply{200, std::move(w)};
           });
}

}  // namespace jinguo::http
