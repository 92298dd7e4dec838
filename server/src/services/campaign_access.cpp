#include "services/campaign_access.h"

#include "domain/access/access.h"
#include "storage/repositories.h"

namespace jinguo::services::campaign_access {

using namespace domain::campaign;
using domain::Date;
using storage::CampaignQueries;

domain::DomainError no(const std::string& field, const std::string& what_zh, const std::string& what_en) {
  return domain::not_found(field, what_zh + "不存在", "no such " + what_en);
}

storage::CampaignRow visible_campaign(const storage::ReadTx& tx, const Actor& actor, CampaignId id,
                                      const std::string& field) {
  auto row = CampaignQueries(tx).campaign(id);
  if (!row || !sees_campaign(actor.scope, row->organisation_path)) throw no(field, "工作", "campaign");
  return *row;
}

void require_runner(const Actor& actor, const storage::CampaignRow& c) {
  domain::require(actor.role, domain::Permission::kWrite);
  if (!actor.scope.contains(c.organisation_path))
    throw domain::DomainError(domain::ErrorKind::kForbidden, "forbidden", "id", "只有" + c.organisation_name + "可以修改这项工作",
                              "only the federation running the campaign may change it");
}

Loaded visible_milestone(const storage::ReadTx& tx, const Actor& actor, MilestoneId id) {
  auto m = CampaignQueries(tx).milestone(id);
  if (!m) throw no("id", "事项", "milestone");
  return {*m, visible_campaign(tx, actor, m->campaign_id)};
}

storage::OwingBody owing_body(const storage::ReadTx& tx, const Actor& actor, const Loaded& l,
                              domain::OrganisationId id, const Date& today, const std::string& field) {
  auto row = storage::OrganisationRepository(tx).find(actor.scope, id, today);
  if (!row) throw no(field, "组织", "organisation");
  const auto& o = row->organisation;
  const bool pilot = CampaignQueries(tx).is_pilot(l.milestone.campaign_id, o.id);
  if (!row->path.starts_with(l.campaign.organisation_path) || row->path == l.campaign.organisation_path ||
      !owes(l.milestone.level, o.type, pilot))
    throw domain::invalid("not_owed", field,
                          o.name + "不需要上报此事项（此事项由" + std::string(level_label(l.milestone.level)) + "上报）",
                          "this body does not owe this milestone");
  return {o.id, o.name, row->path, o.type, pilot};
}

void require_above(const Actor& actor, domain::OrganisationId body, const std::string& path) {
  domain::require(actor.role, domain::Permission::kWrite);
  if (!actor.scope.contains(path) || (!actor.scope.is_whole_tree() && actor.scope.organisation_id == body) ||
      actor.organisation_id == body)
    throw domain::DomainError(domain::ErrorKind::kForbidden, "wrong_level", "id", "只有上级妇联可以审核、退回或催报",
                              "only the level above may decide or remind");
}

LoadedSubmission visible_submission(const storage::ReadTx& tx, const Actor& actor, SubmissionId id) {
  auto s = CampaignQueries(tx).submission(id);
  if (!s || !actor.scope.contains(s->organisation_path)) throw no("id", "上报材料", "submission");
  return {*s, visible_milestone(tx, actor, s->milestone_id)};
}

}  // namespace jinguo::services::campaign_access
