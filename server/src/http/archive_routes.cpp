// Routes of the survey archives (docs/api-contract.md, "Survey archives"): outstanding
// women and women's social organisations within the caller's subtree.
#include <limits>

#include "domain/access/masking.h"
#include "domain/id_number.h"
#include "http/archive_routes.h"
#include "http/dto.h"
#include "http/list_queries.h"
#include "http/request.h"

namespace jinguo::http {

namespace {

constexpr std::string_view kWomanFields[] = {"person_id", "id_number", "organisation_id", "honour",
                                             "field",     "year",      "notes"};
constexpr std::string_view kSocialFields[] = {"organisation_id", "name",    "kind",       "field", "head_name",
                                              "member_count",    "contact", "founded_on", "notes"};

// ---- wire shapes ----
void outstanding_woman(JsonWriter& w, const storage::OutstandingWomanRow& r) {
  const auto& e = r.entry;
  w.begin_object()
      .field("id", e.id)
      .field("person_id", e.person_id)
      .field("person_name", r.person_name)
      .field("id_number_masked", domain::mask_id_number(r.id_number))
      .field("organisation_id", e.organisation_id)
      .field("organisation_name", r.organisation_name)
      .field("honour", e.honour)
      .field("field", e.field)
      .field("year", e.year)
      .field("notes", e.notes)
      .field("created_at", r.created_at)
      .field("updated_at", r.updated_at)
      .end_object();
}

void social_organisation(JsonWriter& w, const storage::SocialOrganisationRow& r) {
  const auto& e = r.entry;
  w.begin_object()
      .field("id", e.id)
      .field("organisation_id", e.organisation_id)
      .field("organisation_name", r.organisation_name)
      .field("name", e.name)
      .field("kind", e.kind)
      .field("field", e.field)
      .field("head_name", e.head_name)
      .field("member_count", e.member_count)
      .field("contact", domain::mask_optional_phone(e.contact))  // personal data: POST …/reveal
      .field("founded_on", e.founded_on ? std::optional<std::string>(e.founded_on->iso()) : std::nullopt)
      .field("notes", e.notes)
      .field("created_at", r.created_at)
      .field("updated_at", r.updated_at)
      .end_object();
}

// ---- request fields ----
// An integer field that must fit an int (year, member count): absent or null → nullopt.
std::optional<int> small_integer(const JsonBody& body, const std::string& field) {
  auto v = body.integer(field);
  if (!v) return std::nullopt;
  if (*v < std::numeric_limits<int>::min() || *v > std::numeric_limits<int>::max())
    throw domain::invalid("out_of_range", field, "数值超出范围", "the number is out of range");
  return static_cast<int>(*v);
}

// Sets `target` from the body when the field is present (null clears it).
void apply(const JsonBody& body, const char* field, std::optional<std::string>& target) {
  if (body.has(field)) target = body.text(field);
}
void apply(const JsonBody& body, const char* field, std::optional<int>& target) {
  if (body.has(field)) target = small_integer(body, field);
}
void apply(const JsonBody& body, const char* field, std::optional<domain::Date>& target) {
  if (body.has(field)) target = body.date(field);
}
void apply_required(const JsonBody& body, const char* field, std::string& target) {
  if (!body.has(field)) return;
  target = body.required_text(field);
}
void apply_required(const JsonBody& body, const char* field, domain::OrganisationId& target) {
  if (!body.has(field)) return;
  target = body.required_integer(field);
}

void apply_woman(const JsonBody& body, domain::OutstandingWoman& e) {
  apply_required(body, "organisation_id", e.organisation_id);
  apply_required(body, "honour", e.honour);
  apply(body, "field", e.field);
  apply(body, "year", e.year);
  apply(body, "notes", e.notes);
}

void apply_social(const JsonBody& body, domain::SocialOrganisation& e) {
  apply_required(body, "organisation_id", e.organisation_id);
  apply_required(body, "name", e.name);
  apply(body, "kind", e.kind);
  apply(body, "field", e.field);
  apply(body, "head_name", e.head_name);
  apply(body, "member_count", e.member_count);
  apply(body, "contact", e.contact);
  apply(body, "founded_on", e.founded_on);
  apply(body, "notes", e.notes);
}

}  // namespace

void add_archive_routes(Api& api, services::Archives& archives) {
  const std::string women = "/api/archives/outstanding-women";
  const std::string social = "/api/archives/social-organisations";
  const std::string one = R"(/(\d+))";

  api.get(women, [&](const httplib::Request& req, const services::Actor& actor) {
    QueryParams q(req);
    auto page = q.page({"name", "honour", "year"});
    return Reply{200, dto::page(archives.OutstandingWomen(actor, archive_query(q), page), page, outstanding_woman)};
  });
  api.get(women + one, [&](const httplib::Request& req, const services::Actor& actor) {
    return Reply{200, json_of(outstanding_woman, archives.OutstandingWoman(actor, path_id(req)))};
  });
  api.post(women, [&](const httplib::Request& req, const services::Actor& actor) {
    JsonBody body(req.body, kWomanFields);
    services::NewOutstandingWoman input;
    input.person_id = body.integer("person_id");
    input.id_number = body.text("id_number");
    input.entry.organisation_id = body.required_integer("organisation_id");
    input.entry.honour = body.required_text("honour");
    apply_woman(body, input.entry);
    return Reply{201, json_of(outstanding_woman, archives.ArchiveOutstandingWoman(actor, input))};
  });
  api.patch(women + one, [&](const httplib::Request& req, const services::Actor& actor) {
    JsonBody body(req.body, {"organisation_id", "honour", "field", "year", "notes"});
    auto row = archives.CorrectOutstandingWoman(actor, path_id(req),
                                                [&](domain::OutstandingWoman& e) { apply_woman(body, e); });
    return Reply{200, json_of(outstanding_woman, row)};
  });
  api.del(women + one, [&](const httplib::Request& req, const services::Actor& actor) {
    archives.RemoveOutstandingWoman(actor, path_id(req));
    return Reply{200, {{"ok", true}}};
  });

  api.get(social, [&](const httplib::Request& req, const services::Actor& actor) {
    QueryParams q(req);
    auto page = q.page({"name", "founded_on", "member_count"});
    return Reply{200,
                 dto::page(archives.SocialOrganisations(actor, archive_query(q), page), page, social_organisation)};
  });
  api.get(social + one, [&](const httplib::Request& req, const services::Actor& actor) {
    return Reply{200, json_of(social_organisation, archives.SocialOrganisation(actor, path_id(req)))};
  });
  api.post(social, [&](const httplib::Request& req, const services::Actor& actor) {
    JsonBody body(req.body, kSocialFields);
    domain::SocialOrganisation entry;
    entry.organisation_id = body.required_integer("organisation_id");
    entry.name = body.required_text("name");
    apply_social(body, entry);
    return Reply{201, json_of(social_organisation, archives.ArchiveSocialOrganisation(actor, entry))};
  });
  api.patch(social + one, [&](const httplib::Request& req, const services::Actor& actor) {
    JsonBody body(req.body, kSocialFields);
    auto row = archives.CorrectSocialOrganisation(actor, path_id(req),
                                                  [&](domain::SocialOrganisation& e) { apply_social(body, e); });
    return Reply{200, json_of(social_organisation, row)};
  });
  api.del(social + one, [&](const httplib::Request& req, const services::Actor& actor) {
    archives.RemoveSocialOrganisation(actor, path_id(req));
    return Reply{200, {{"ok", true}}};
  });
  api.post(social + one + "/reveal", [&](const httplib::Request& req, const services::Actor& actor) {
    JsonBody body(req.body, {"field"});
    auto field = body.required_text("field");
    auto id = path_id(req);
    auto value = archives.RevealSocialContact(actor, id, field);
    JsonWriter out;
    out.begin_object().field("id", id).field("field", field).field("value", value).end_object();
    return Reply{200, std::move(out)};
  });
}

}  // namespace jinguo::http
