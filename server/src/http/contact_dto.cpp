#include "http/contact_dto.h"

#include <optional>
#include <string>

namespace jinguo::http::dto {

namespace {

std::optional<std::string> iso(const std::optional<domain::Date>& d) {
  return d ? std::optional<std::string>(d->iso()) : std::nullopt;
}

}  // namespace

void contact(JsonWriter& w, const storage::ContactRow& row) {
  const auto& c = row.contact;
  w.begin_object()
      .field("id", c.id)
      .field("organisation_id", c.organisation_id)
      .field("organisation_name", row.organisation_name)
      .field("name", c.name)
      .field("post", c.post)
      .field("office_phone", c.office_phone)
      .field("mobile", c.mobile)
      .field("email", c.email)
      .field("start_on", c.start_on.iso())
      .field("end_on", iso(c.end_on))
      .field("campaign_id", c.campaign_id)
      .field("campaign_name", row.campaign_name)
      .end_object();
}

void contacts(JsonWriter& w, const std::vector<storage::ContactRow>& rows) {
  w.begin_object().key("items").array(rows, [&](const storage::ContactRow& r) { contact(w, r); }).end_object();
}

void campaign_contacts(JsonWriter& w, const services::CampaignContacts& c) {
  w.begin_object().field("campaign_id", c.campaign_id).field("on", c.on.iso()).field("missing", c.missing);
  w.key("items").array(c.lines, [&](const services::CampaignContactLine& l) {
    w.begin_object()
        .field("organisation_id", l.organisation_id)
        .field("organisation_name", l.organisation_name)
        .field("organisation_type", domain::body_type_code(l.organisation_type));
    w.key("contacts").array(l.contacts, [&](const storage::ContactRow& r) { contact(w, r); });
    w.end_object();
  });
  w.end_object();
}

void reelection(JsonWriter& w, const storage::ReelectionRow& row) {
  const auto& r = row.reelection;
  w.begin_object()
      .field("id", r.id)
      .field("organisation_id", r.organisation_id)
      .field("held_on", r.held_on.iso())
      .field("term_years", r.term_years)
      .field("next_on", domain::next_reelection_on(r).iso())
      .field("delegates", r.delegates)
      .field("delegates_minority", r.delegates_minority)
      .field("delegates_party", r.delegates_party)
      .field("delegates_grassroots", r.delegates_grassroots)
      .field("delegates_under_35", r.delegates_under_35)
      .field("notes", r.notes)
      .end_object();
}

void reelections(JsonWriter& w, const std::vector<storage::ReelectionRow>& rows) {
  w.begin_object().key("items").array(rows, [&](const storage::ReelectionRow& r) { reelection(w, r); }).end_object();
}

}  // namespace jinguo::http::dto
