#include "services/notices.h"

#include <algorithm>

#include "documents/notice_poster.h"
#include "domain/access/access.h"
#include "domain/access/masking.h"
#include "domain/clock.h"
#include "documents/pdf_job.h"
#include "domain/error.h"
#include "domain/id_number.h"
#include "domain/text.h"
#include "services/audit.h"
#include "services/pdf_renderer.h"
#include "services/crypto.h"
#include "services/dictionary_checks.h"
#include "services/subtree.h"
#include "storage/nomination_repository.h"
#include "storage/repositories.h"

namespace jinguo::services {

namespace {

using domain::selection::Notice;
using domain::selection::NoticeId;

constexpr std::size_t kSlugBytes = 16;  // 128 bits
constexpr long long kDaySeconds = 24 * 60 * 60;
constexpr int kMaxBodies = 500;         // the villages of a township, and then some

domain::DomainError no_notice(const std::string& field = "id") {
  return domain::not_found(field, "公告不存在", "no such notice");
}

domain::DomainError no_public_notice() {
  return domain::not_found("slug", "未找到该公告，请核对网址或二维码", "no such notice");
}

storage::NoticeRow load(const storage::ReadTx& tx, const Actor& actor, NoticeId id) {
  auto row = storage::NoticeQueries(tx).find(actor.scope, id);
  if (!row) throw no_notice();
  return *row;
}

// "执委：3名" for each place, as the audit keeps them.
std::vector<std::string> places_text(const storage::ReadTx& tx, const domain::selection::NoticeFields& f) {
  storage::DictionaryRepository dictionary(tx);
  std::vector<std::string> out;
  for (const auto& p : f.places) {
    auto entry = dictionary.find(domain::DictionaryKind::kRole, p.role);
    out.push_back((entry ? entry->label : p.role) + "：" + std::to_string(p.places) + "名");
  }
  return out;
}

ChangeSet fields_created(const storage::ReadTx& tx, const domain::selection::NoticeFields& f) {
  ChangeSet c;
  c.created("coverage", std::string(domain::selection::coverage_code(f.coverage)))
      .created("title", f.title)
      .created("places", places_text(tx, f))
      .created("duties", f.duties)
      .created("conditions", f.conditions)
      .created("how_to_apply", f.how_to_apply)
      .created("contact", f.contact)
      .created("deadline", f.deadline.iso());
  return c;
}

ChangeSet fields_changed(const storage::ReadTx& tx, const domain::selection::NoticeFields& before,
                         const domain::selection::NoticeFields& after) {
  ChangeSet c;
  c.add("coverage", std::string(domain::selection::coverage_code(before.coverage)),
        std::string(domain::selection::coverage_code(after.coverage)))
      .add("title", before.title, after.title)
      .add("places", places_text(tx, before), places_text(tx, after))
      .add("duties", before.duties, after.duties)
      .add("conditions", before.conditions, after.conditions)
      .add("how_to_apply", before.how_to_apply, after.how_to_apply)
      .add("contact", before.contact, after.contact)
      .add("deadline", before.deadline.iso(), after.deadline.iso());
  return c;
}

AuditTarget target(std::string_view action, const Notice& n) {
  return {std::string(action), "notice", std::to_string(n.id), n.organisation_id};
}

// Each role of the places exists in the bodies the notice fills (its own, or its villages).
void require_roles(const storage::ReadTx& tx, const domain::selection::NoticeFields& f, domain::BodyType body) {
  const auto types = domain::selection::place_body_types(body, f.coverage);
  for (std::size_t i = 0; i < f.places.size(); ++i) {
    const std::string field = "places[" + std::to_string(i) + "].role";
    std::optional<domain::DomainError> refusal;
    bool allowed = false;
    for (auto type : types) {
      domain::Organisation probe;
      probe.type = type;
      try {
        require_role_in(tx, f.places[i].role, probe);
        allowed = true;
        break;
      } catch (const domain::DomainError& e) {
        refusal = e;
      }
    }
    if (!allowed && refusal) throw domain::invalid(refusal->code(), field, refusal->message_zh(), refusal->message_en());
  }
}

// The bodies a woman may choose on the public page: the body, or its open villages and
// communities, each with the notice's roles that exist in it (a body where none does is left out).
std::vector<PublicBody> bodies_of(const storage::ReadTx& tx, const storage::NoticeRow& row, const domain::Date& today) {
  std::vector<std::pair<domain::OrganisationId, std::string>> candidates;
  std::vector<domain::BodyType> types;
  if (row.notice.fields.coverage == domain::selection::Coverage::kOwn) {
    candidates.push_back({row.notice.organisation_id, row.organisation_name});
    types.push_back(row.organisation_type);
  } else {
    const auto wanted = domain::selection::place_body_types(row.organisation_type, row.notice.fields.coverage);
    storage::ChildrenFilter filter;
    filter.parent_id = row.notice.organisation_id;
    auto children = storage::OrganisationRepository(tx).children(domain::Scope::whole_tree(), filter,
                                                                  {1, kMaxBodies, "", false}, today);
    for (const auto& c : children.items)
      if (std::find(wanted.begin(), wanted.end(), c.organisation.type) != wanted.end()) {
        candidates.push_back({c.organisation.id, c.organisation.name});
        types.push_back(c.organisation.type);
      }
  }
  storage::DictionaryRepository dictionary(tx);
  std::vector<std::optional<domain::DictionaryEntry>> roles;
  for (const auto& p : row.notice.fields.places) roles.push_back(dictionary.find(domain::DictionaryKind::kRole, p.role));
  std::vector<PublicBody> out;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    PublicBody b{candidates[i].first, candidates[i].second, {}};
    for (std::size_t r = 0; r < roles.size(); ++r)
      if (roles[r] && domain::role_allowed_in(*roles[r], types[i])) b.roles.push_back(row.notice.fields.places[r].role);
    if (!b.roles.empty()) out.push_back(std::move(b));
  }
  return out;
}

domain::DomainError too_many_for_her() {
  return domain::DomainError(domain::ErrorKind::kTooManyRequests, "too_many_requests", "id_number",
                             "该身份证号今天提交的自荐已达上限，请明天再试",
                             "this ID number has made as many self-nominations as a day allows");
}

}  // namespace

NoticeView Notices::view_of(storage::NoticeRow row) const {
  const domain::Date today = today_();
  NoticeView v;
  v.open = domain::selection::is_open(row.notice, today);
  v.closed_reason = domain::selection::closed_reason(row.notice, today);
  if (row.notice.slug) v.public_url = public_url_ + "/apply/" + *row.notice.slug;
  v.row = std::move(row);
  return v;
}

NoticeView Notices::Create(const Actor& actor, std::optional<domain::OrganisationId> body_id,
                           const domain::selection::NoticeInput& input) {
  domain::require(actor.role, domain::Permission::kWrite);
  const domain::Date today = today_();
  if (!body_id) throw domain::invalid("required", "organisation_id", "请选择发布公告的组织", "organisation_id is required");
  return db_.write([&](storage::WriteTx& tx) {
    auto body = storage::OrganisationRepository(tx).find(actor.scope, *body_id, today);
    if (!body) throw domain::not_found("organisation_id", "组织不存在", "no such organisation");
    if (!body->organisation.is_open())
      throw domain::invalid("organisation_closed", "organisation_id", "该组织已撤销，不能发布公告",
                            "the organisation is closed");
    Notice n;
    n.organisation_id = body->organisation.id;
    n.fields = domain::selection::notice_fields(body->organisation.type, input, today);
    require_roles(tx, n.fields, body->organisation.type);
    storage::NoticeRepository repo(tx);
    n.id = repo.insert(n, actor.name, domain::utc_timestamp_now());
    record_audit(tx, actor, target("create", n), fields_created(tx, n.fields));
    return view_of(load(tx, actor, n.id));
  });
}

NoticeView Notices::Update(const Actor& actor, NoticeId id, const domain::selection::NoticeInput& input) {
  domain::require(actor.role, domain::Permission::kWrite);
  const domain::Date today = today_();
  return db_.write([&](storage::WriteTx& tx) {
    auto row = load(tx, actor, id);
    domain::selection::require_draft(row.notice);
    Notice after = row.notice;
    after.fields = domain::selection::notice_fields(row.organisation_type, input, today);
    require_roles(tx, after.fields, row.organisation_type);
    storage::NoticeRepository(tx).update(after, domain::utc_timestamp_now());
    auto changes = fields_changed(tx, row.notice.fields, after.fields);
    if (!changes.empty()) record_audit(tx, actor, target("update", after), changes);
    return view_of(load(tx, actor, id));
  });
}

void Notices::Delete(const Actor& actor, NoticeId id) {
  domain::require(actor.role, domain::Permission::kWrite);
  db_.write([&](storage::WriteTx& tx) {
    auto row = load(tx, actor, id);
    domain::selection::require_draft(row.notice);
    storage::NoticeRepository(tx).remove(id);
    ChangeSet c;
    c.removed("title", row.notice.fields.title).removed("deadline", row.notice.fields.deadline.iso());
    record_audit(tx, actor, target("delete", row.notice), c);
  });
}

NoticeView Notices::Publish(const Actor& actor, NoticeId id) {
  domain::require(actor.role, domain::Permission::kWrite);
  const domain::Date today = today_();
  return db_.write([&](storage::WriteTx& tx) {
    auto row = load(tx, actor, id);
    domain::selection::check_publish(row.notice, today);
    const std::string slug = random_base32(kSlugBytes);
    storage::NoticeRepository(tx).publish(id, slug, domain::utc_timestamp_now());
    ChangeSet c;
    c.add("state", std::string("draft"), std::string("published"));
    record_audit(tx, actor, target("publish", row.notice), c);
    return view_of(load(tx, actor, id));
  });
}

NoticeView Notices::Close(const Actor& actor, NoticeId id) {
  domain::require(actor.role, domain::Permission::kWrite);
  return db_.write([&](storage::WriteTx& tx) {
    auto row = load(tx, actor, id);
    domain::selection::check_close(row.notice);
    storage::NoticeRepository(tx).close(id, domain::utc_timestamp_now());
    ChangeSet c;
    c.add("state", std::string("published"), std::string("closed"));
    record_audit(tx, actor, target("close", row.notice), c);
    return view_of(load(tx, actor, id));
  });
}

storage::Page<NoticeView> Notices::List(const Actor& actor, std::optional<domain::OrganisationId> within,
                                        std::optional<domain::selection::NoticeState> state,
                                        const storage::PageSpec& page) {
  auto rows = db_.read([&](storage::ReadTx& tx) {
    storage::NoticeFilter filter{subtree_path(tx, actor, within, "organisation_id"), state};
    return storage::NoticeQueries(tx).list(filter, page);
  });
  storage::Page<NoticeView> out;
  out.total = rows.total;
  for (auto& r : rows.items) out.items.push_back(view_of(std::move(r)));
  return out;
}

NoticeView Notices::Get(const Actor& actor, NoticeId id) {
  return view_of(db_.read([&](storage::ReadTx& tx) { return load(tx, actor, id); }));
}

Download Notices::Poster(const Actor& actor, NoticeId id) {
  auto v = Get(actor, id);
  if (!v.public_url)
    throw domain::conflict("notice_not_published", "state", "公告发布后才能打印海报",
                           "the poster is printed once the notice is published");
  const auto& r = v.row;
  documents::NoticePoster poster;
  poster.title = r.notice.fields.title;
  poster.organisation_name = r.organisation_name;
  for (const auto& p : r.places) poster.places.push_back({p.role_label, p.places});
  poster.duties = r.notice.fields.duties;
  poster.conditions = r.notice.fields.conditions;
  poster.how_to_apply = r.notice.fields.how_to_apply;
  poster.contact = r.notice.fields.contact;
  poster.deadline = r.notice.fields.deadline.chinese();
  poster.url = *v.public_url;
  return {"招募公告_" + r.organisation_name + "_" + r.notice.fields.deadline.iso() + ".pdf",
          pdf_.render(documents::pdf_job(poster))};
}

PublicNotice Notices::Public(const std::string& slug) {
  if (!domain::selection::is_notice_slug(slug)) throw no_public_notice();
  const domain::Date today = today_();
  return db_.read([&](storage::ReadTx& tx) {
    auto row = storage::NoticeQueries(tx).find_by_slug(slug);
    if (!row) throw no_public_notice();
    auto bodies = bodies_of(tx, *row, today);
    return PublicNotice{view_of(std::move(*row)), std::move(bodies)};
  });
}

Receipt Notices::Nominate(const std::string& slug, const SelfNomination& input, const std::string& address) {
  Actor client{storage::kPublicNominator, address};
  client.role = domain::Role::kViewer;  // for the audit only: she changes nothing but this
  if (!domain::selection::is_notice_slug(slug)) throw no_public_notice();
  const domain::Date today = today_();
  return db_.write([&](storage::WriteTx& tx) {
    auto row = storage::NoticeQueries(tx).find_by_slug(slug);
    if (!row) throw no_public_notice();
    if (!domain::selection::is_open(row->notice, today))
      throw domain::conflict("notice_closed", "slug", "该公告已截止报名，不能再提交自荐",
                             "the notice no longer takes nominations");
    if (!input.organisation_id)
      throw domain::invalid("required", "organisation_id", "请选择报名的村（社区）或组织", "organisation_id is required");
    auto bodies = bodies_of(tx, *row, today);
    auto body = std::find_if(bodies.begin(), bodies.end(), [&](const PublicBody& b) { return b.id == *input.organisation_id; });
    if (body == bodies.end())
      throw domain::invalid("not_in_notice", "organisation_id", "所选组织不在本公告的招募范围内",
                            "the body is not one this notice recruits for");
    const std::string role(domain::trim(input.role.value_or("")));
    if (role.empty()) throw domain::invalid("required", "role", "请选择报名的职务", "role is required");
    const auto& places = row->notice.fields.places;
    if (std::none_of(places.begin(), places.end(), [&](const auto& p) { return p.role == role; }))
      throw domain::invalid("role_not_in_notice", "role", "本公告不招募该职务", "the notice has no place for this role");
    if (std::find(body->roles.begin(), body->roles.end(), role) == body->roles.end())
      throw domain::invalid("role_not_in_body", "role", "所选组织没有这个职务，请换一个职务或组织",
                            "the body chosen has no such role");
    if (!input.mobile || domain::trim(*input.mobile).empty())
      throw domain::invalid("required", "mobile", "请填写手机号码，以便妇联与您联系", "mobile is required");
    domain::selection::NominationInput fields{role,         std::string("self"), std::nullopt, input.name,
                                              input.id_number, input.mobile,      input.statement};
    auto n = domain::selection::nominate(body->id, fields, today);
    auto org = storage::OrganisationRepository(tx).find(domain::Scope::whole_tree(), body->id, today);
    if (!org) throw no_public_notice();
    require_role_in(tx, n.role, org->organisation);
    storage::NominationRepository repo(tx);
    if (repo.open_nomination(n.organisation_id, n.role, n.id_number))
      throw domain::conflict("already_nominated", "id_number", "该身份证号已就此职务提交过自荐，请用当时的回执码查询进度",
                             "this ID number has already applied for this role: check its progress with the receipt code");
    if (repo.public_nominations_since(n.id_number, domain::utc_timestamp_seconds_ago(kDaySeconds)) >=
        kSelfNominationsPerDay)
      throw too_many_for_her();
    n.person_id = storage::PersonRepository(tx).find_by_id_number(n.id_number);
    const std::string code = random_crockford(domain::selection::kReceiptLength);
    n.id = repo.insert(n, storage::kPublicNominator, domain::utc_timestamp_now(), row->notice.id, sha256_hex(code));
    ChangeSet c;
    c.created("organisation_id", n.organisation_id)
        .created("role", n.role)
        .created("channel", std::string("self"))
        .created("name", n.name)
        .created("id_number", domain::mask_id_number(n.id_number))
        .created("mobile", domain::mask_optional_phone(n.mobile))
        .created("statement", n.statement)
        .created("notice_id", row->notice.id)
        .created("step", std::string(domain::selection::step_code(n.step)));
    record_audit(tx, client, {"create", "nomination", std::to_string(n.id), n.organisation_id, n.person_id}, c);
    return Receipt{domain::selection::format_receipt_code(code), n.step};
  });
}

ReceiptStatus Notices::Status(const std::string& receipt) {
  auto missing = [] { return domain::not_found("code", "未找到该回执码，请核对后重试", "no nomination has this receipt code"); };
  auto code = domain::selection::normalise_receipt_code(receipt);
  if (!code) throw missing();
  return db_.read([&](storage::ReadTx& tx) {
    auto row = storage::NominationQueries(tx).find_by_receipt(sha256_hex(*code));
    if (!row) throw missing();
    ReceiptStatus s;
    s.step = row->nomination.step;
    s.organisation_name = row->organisation_name;
    s.role_label = row->role_label;
    if (auto entry = storage::DictionaryRepository(tx).find(domain::DictionaryKind::kRole, row->nomination.role))
      s.role_label_en = entry->label_en;
    if (row->notice_id)
      if (auto notice = storage::NoticeQueries(tx).find(domain::Scope::whole_tree(), *row->notice_id))
        s.notice_title = notice->notice.fields.title;
    s.submitted_on = row->created_at.substr(0, 10);
    s.updated_on = row->updated_at.substr(0, 10);
    return s;
  });
}

}  // namespace jinguo::services
