#include "services/certificates.h"

#include <set>

#include "documents/certificate_pdf.h"
#include "domain/access/access.h"
#include "domain/clock.h"
#include "documents/pdf_job.h"
#include "domain/error.h"
#include "domain/text.h"
#include "services/audit.h"
#include "services/pdf_renderer.h"
#include "services/crypto.h"
#include "services/nominations.h"
#include "storage/meeting_repository.h"
#include "storage/nomination_repository.h"
#include "storage/repositories.h"

namespace jinguo::services {

namespace {

using domain::selection::CertificateKind;

constexpr std::size_t kCodeBytes = 16;  // 128 bits

domain::DomainError no_certificate(const std::string& field = "id") {
  return domain::not_found(field, "证书不存在", "no such certificate");
}

// 兹聘任王秀英同志为新华村妇代会主任，自2016年6月20日起任职。特发此证。
std::string wording(const storage::CertificateRow& c) {
  if (c.kind == CertificateKind::kVolunteer)
    return "　　兹聘请" + c.holder_name + "同志为" + c.organisation_name + c.role_label + "（志愿者），自" +
           c.start_on.chinese() + "起服务。\n　　特发此证。";
  return "　　兹聘任" + c.holder_name + "同志为" + c.organisation_name + c.role_label + "，自" + c.start_on.chinese() +
         "起任职。\n　　特发此证。";
}

ChangeSet issued_changes(const storage::CertificateRow& c) {
  ChangeSet changes;
  changes.created("number", c.number_text)
      .created("kind", std::string(domain::selection::certificate_kind_code(c.kind)))
      .created("position_id", *c.position_id)
      .created("holder", c.holder_name)
      .created("role", c.role);
  return changes;
}

// A position a women's meeting appointed: its nomination moves on to 已发证.
void certify_nomination(const storage::WriteTx& tx, const Actor& actor, domain::PositionId position) {
  auto id = storage::MeetingQueries(tx).nomination_of(position);
  if (!id) return;
  auto row = storage::NominationQueries(tx).find(domain::Scope::whole_tree(), *id);
  if (row && row->nomination.step == domain::selection::Step::kAppointed)
    move_on(tx, actor, row->nomination, domain::selection::Event::kCertify, {});
}

// What an issuer without a prefix of its own numbers with: its default (红旗镇妇证), or when
// another issuer numbers with that, the default with its level above's name first
// (呼兰区红旗镇妇证); nothing when both are taken (she sets one herself).
std::optional<std::string> free_default_prefix(const storage::ReadTx& tx, domain::OrganisationId issuer,
                                               const std::string& issuer_name,
                                               std::optional<domain::OrganisationId> parent, const domain::Date& today) {
  storage::CertificateQueries certificates(tx);
  std::vector<std::string> candidates{domain::selection::default_prefix(issuer_name)};
  if (parent)
    if (auto above = storage::OrganisationRepository(tx).find(domain::Scope::whole_tree(), *parent, today))
      candidates.push_back(domain::selection::qualified_prefix(above->organisation.name, issuer_name));
  for (auto& candidate : candidates)
    if (!certificates.prefix_taken(candidate, issuer)) return std::move(candidate);
  return std::nullopt;
}

// The prefix an issuer's next certificate is numbered with: its own, or its free default,
// which becomes its own (recorded) so that no other issuer can take it later.
std::string prefix_for_issuing(const storage::WriteTx& tx, const Actor& actor, const domain::Organisation& issuer,
                               const domain::Date& today, const std::string& field) {
  storage::CertificateRepository repo(tx);
  if (auto own = repo.prefix(issuer.id)) return *own;
  auto chosen = free_default_prefix(tx, issuer.id, issuer.name, issuer.parent_id, today);
  if (!chosen)
    throw domain::conflict("prefix_taken", field,
                           issuer.name + "的默认证书编号前缀已被其他单位使用，请先设定本单位的证书编号前缀再发证",
                           "another issuer numbers with this body's default prefix: set a prefix first");
  repo.set_prefix(issuer.id, *chosen, domain::utc_timestamp_now());
  ChangeSet changes;
  changes.created("prefix", *chosen);
  record_audit(tx, actor, {"create", "certificate_prefix", std::to_string(issuer.id), issuer.id}, changes);
  return *chosen;
}

}  // namespace

CertificateView Certificates::view_of(storage::CertificateRow row) const {
  auto status = domain::selection::certificate_status(row.revoked_on, row.revoke_reason, row.position_id.has_value(),
                                                      row.position_end_on, today_());
  std::string url = public_url_ + "/verify/" + row.code;
  return {std::move(row), std::move(status), std::move(url)};
}

std::vector<CertificateView> Certificates::Issue(const Actor& actor, const std::vector<domain::PositionId>& positions) {
  domain::require(actor.role, domain::Permission::kWrite);
  if (positions.empty())
    throw domain::invalid("required", "position_ids", "请选择要发证的任职", "position_ids is required");
  if (positions.size() > kMaxCertificatesAtOnce)
    throw domain::invalid("too_many", "position_ids", "一次最多颁发100张证书", "at most 100 certificates at once");
  const domain::Date today = today_();
  auto rows = db_.write([&](storage::WriteTx& tx) {
    storage::PositionRepository positions_repo(tx);
    storage::OrganisationRepository organisations(tx);
    storage::CertificateRepository repo(tx);
    const std::string now = domain::utc_timestamp_now();
    std::vector<storage::CertificateRow> out;
    for (std::size_t i = 0; i < positions.size(); ++i) {
      const std::string field = "position_ids[" + std::to_string(i) + "]";
      auto p = positions_repo.find(actor.scope, positions[i]);
      if (!p) throw domain::not_found(field, "任职记录不存在", "no such position");
      const auto& position = p->position;
      if (position.end_on && *position.end_on <= today)
        throw domain::conflict("position_ended", field, p->person_name + "的这项任职已结束，不能再发证",
                               "the position has ended");
      auto body = organisations.find(domain::Scope::whole_tree(), position.organisation_id, today);
      if (!body || !body->organisation.parent_id)
        throw domain::invalid("no_issuer", field, p->organisation_name + "没有上一级妇联，不能颁发证书",
                              "the body has no level above to issue its certificates");
      auto issuer = organisations.find(actor.scope, *body->organisation.parent_id, today);
      if (!issuer)
        throw domain::forbidden("wrong_level", field, "证书由上一级妇联颁发，" + p->organisation_name + "不能给本级成员发证",
                                "certificates are issued by the level above");
      if (auto held = repo.unrevoked_of(position.id))
        throw domain::conflict("already_certified", field,
                               p->person_name + "的这项任职已有证书（" + held->number_text + "），如需重发请先撤销",
                               "the position already has a certificate");
      storage::CertificateRow c;
      c.position_id = position.id;
      c.kind = domain::selection::certificate_kind_for(position.manner);
      c.issuer_id = issuer->organisation.id;
      c.issuer_name = issuer->organisation.name;
      c.year = today.year();
      const std::string prefix = prefix_for_issuing(tx, actor, issuer->organisation, today, field);
      c.number = repo.next_number(c.issuer_id, c.year);
      c.number_text = domain::selection::certificate_number(prefix, c.year, c.number);
      c.code = random_base32(kCodeBytes);
      c.person_id = position.person_id;
      c.holder_name = p->person_name;
      c.organisation_id = position.organisation_id;
      c.organisation_name = p->organisation_name;
      c.role = position.role;
      c.role_label = p->role_label;
      c.start_on = position.start_on;
      c.issued_on = today;
      c.issued_at = now;
      c.issued_by = actor.name;
      c.id = repo.insert(c);
      record_audit(tx, actor, {"issue", "certificate", std::to_string(c.id), c.organisation_id}, issued_changes(c));
      certify_nomination(tx, actor, position.id);
      out.push_back(*repo.find(domain::Scope::whole_tree(), c.id));
    }
    return out;
  });
  std::vector<CertificateView> views;
  for (auto& r : rows) views.push_back(view_of(std::move(r)));
  return views;
}

storage::Page<CertificateView> Certificates::List(const Actor& actor, std::optional<domain::OrganisationId> within,
                                                  std::optional<domain::PositionId> position,
                                                  const storage::PageSpec& page) {
  domain::require(actor.role, domain::Permission::kRead);
  auto rows = db_.read([&](storage::ReadTx& tx) {
    std::string path = actor.scope.low();
    if (within) {
      auto p = storage::OrganisationRepository(tx).path_in(actor.scope, *within);
      if (!p) throw domain::not_found("organisation_id", "组织不存在", "no such organisation");
      path = *p;
    }
    return storage::CertificateQueries(tx).list(path, position, page);
  });
  storage::Page<CertificateView> out{{}, rows.total};
  for (auto& r : rows.items) out.items.push_back(view_of(std::move(r)));
  return out;
}

CertificateView Certificates::Get(const Actor& actor, storage::CertificateId id) {
  domain::require(actor.role, domain::Permission::kRead);
  auto row = db_.read([&](storage::ReadTx& tx) { return storage::CertificateQueries(tx).find(actor.scope, id); });
  if (!row) throw no_certificate();
  return view_of(std::move(*row));
}

Download Certificates::Print(const Actor& actor, const std::vector<storage::CertificateId>& ids) {
  domain::require(actor.role, domain::Permission::kRead);
  if (ids.empty()) throw domain::invalid("required", "ids", "请选择要打印的证书", "ids is required");
  if (ids.size() > kMaxCertificatesAtOnce)
    throw domain::invalid("too_many", "ids", "一次最多打印100张证书", "at most 100 certificates at once");
  auto rows = db_.read([&](storage::ReadTx& tx) {
    storage::CertificateQueries certificates(tx);
    std::vector<storage::CertificateRow> out;
    for (auto id : ids) {
      auto row = certificates.find(actor.scope, id);
      if (!row) throw no_certificate("ids");
      out.push_back(std::move(*row));
    }
    return out;
  });
  std::vector<documents::CertificateSheet> sheets;
  for (const auto& r : rows) {
    auto v = view_of(r);
    sheets.push_back({std::string(domain::selection::certificate_kind_label(r.kind)), r.number_text, wording(r),
                      r.issuer_name, r.issued_on.chinese(), v.verify_url, r.code});
  }
  std::string name = rows.size() == 1 ? "证书_" + rows.front().number_text + ".pdf"
                                      : "证书_" + std::to_string(rows.size()) + "张_" + today_().iso() + ".pdf";
  std::string pdf = pdf_.render(documents::pdf_job(sheets));  // a refusal or failure records nothing
  db_.write([&](storage::WriteTx& tx) {  // each print, once its PDF has been drawn
    storage::CertificateRepository repo(tx);
    for (auto id : ids) {
      auto row = repo.find(actor.scope, id);
      if (!row) throw no_certificate("ids");  // removed while it was drawn
      repo.printed(id);
      ChangeSet changes;
      changes.add("prints", static_cast<long long>(row->prints), static_cast<long long>(row->prints + 1));
      record_audit(tx, actor, {"print", "certificate", std::to_string(id), row->organisation_id}, changes);
    }
  });
  return {std::move(name), std::move(pdf)};
}

CertificateView Certificates::Revoke(const Actor& actor, storage::CertificateId id, const std::string& reason_text) {
  domain::require(actor.role, domain::Permission::kWrite);
  const std::string reason(domain::trim(reason_text));
  if (reason.empty()) throw domain::invalid("required", "reason", "请写明撤销原因", "reason is required");
  if (domain::utf8_length(reason).value_or(0) > 200)
    throw domain::invalid("too_long", "reason", "撤销原因不能超过200个字", "reason is at most 200 characters");
  const domain::Date today = today_();
  auto row = db_.write([&](storage::WriteTx& tx) {
    storage::CertificateRepository repo(tx);
    auto before = repo.find(actor.scope, id);
    if (!before) throw no_certificate();
    if (!storage::OrganisationRepository(tx).path_in(actor.scope, before->issuer_id))
      throw domain::forbidden("wrong_level", "id", "只有颁发证书的" + before->issuer_name + "可以撤销",
                              "only the issuer may revoke a certificate");
    if (before->revoked_on)
      throw domain::conflict("already_revoked", "id", "该证书已于" + before->revoked_on->iso() + "撤销",
                             "the certificate is revoked already");
    repo.revoke(id, today, reason);
    ChangeSet changes;
    changes.created("revoked_on", today).created("revoke_reason", reason);
    record_audit(tx, actor, {"revoke", "certificate", std::to_string(id), before->organisation_id}, changes);
    return *repo.find(domain::Scope::whole_tree(), id);
  });
  return view_of(std::move(row));
}

std::string Certificates::PrefixOf(const Actor& actor, domain::OrganisationId issuer) {
  domain::require(actor.role, domain::Permission::kRead);
  return db_.read([&](storage::ReadTx& tx) {
    auto body = storage::OrganisationRepository(tx).find(actor.scope, issuer, today_());
    if (!body) throw domain::not_found("organisation_id", "组织不存在", "no such organisation");
    const auto& o = body->organisation;
    if (auto own = storage::CertificateQueries(tx).prefix(issuer)) return *own;
    return free_default_prefix(tx, issuer, o.name, o.parent_id, today_()).value_or(domain::selection::default_prefix(o.name));
  });
}

std::string Certificates::SetPrefix(const Actor& actor, domain::OrganisationId issuer, const std::string& text) {
  domain::require(actor.role, domain::Permission::kWrite);
  return db_.write([&](storage::WriteTx& tx) {
    auto body = storage::OrganisationRepository(tx).find(actor.scope, issuer, today_());
    if (!body) throw domain::not_found("organisation_id", "组织不存在", "no such organisation");
    const std::string prefix = domain::selection::normalise_prefix(text);
    storage::CertificateRepository repo(tx);
    const auto own = repo.prefix(issuer);
    if (own == prefix) return prefix;
    if (repo.prefix_taken(prefix, issuer))
      throw domain::conflict("prefix_taken", "prefix", "证书编号前缀“" + prefix + "”已被其他单位使用，请换一个",
                             "another issuer numbers with this prefix");
    repo.set_prefix(issuer, prefix, domain::utc_timestamp_now());
    ChangeSet changes;
    if (own)
      changes.add("prefix", *own, prefix);
    else
      changes.created("prefix", prefix);
    record_audit(tx, actor, {own ? "update" : "create", "certificate_prefix", std::to_string(issuer), issuer}, changes);
    return prefix;
  });
}

Verification Certificates::Verify(const std::string& code) {
  auto missing = [] {
    return domain::not_found("code", "未找到该证书，请核对验证码", "no certificate has this code");
  };
  if (!domain::selection::is_verification_code(code)) throw missing();
  auto row = db_.read([&](storage::ReadTx& tx) { return storage::CertificateQueries(tx).by_code(code); });
  if (!row) throw missing();
  auto v = view_of(std::move(*row));
  const auto& r = v.row;
  return {v.status,        r.number_text, r.kind,       domain::selection::public_name(r.holder_name), r.organisation_name,
          r.role_label,    r.issuer_name, r.start_on,   r.issued_on};
}

}  // namespace jinguo::services
