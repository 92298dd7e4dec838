#include "services/spot_checks.h"

#include <random>

#include "domain/access/access.h"
#include "domain/clock.h"
#include "domain/error.h"
#include "domain/text.h"
#include "services/audit.h"
#include "storage/campaign_repository.h"
#include "storage/repositories.h"

namespace jinguo::services {

namespace {

using namespace domain::campaign;

domain::DomainError no(const std::string& field, const std::string& zh, const std::string& en) {
  return domain::not_found(field, zh + "不存在", "no such " + en);
}

// The campaign, seen from the caller's chain or scope (as the campaign's own routes see it).
storage::CampaignRow campaign_of(const storage::ReadTx& tx, const Actor& actor, CampaignId id) {
  auto c = storage::CampaignQueries(tx).campaign(id);
  if (!c || !sees_campaign(actor.scope, c->organisation_path))
    throw no("id", "工作", "campaign");
  return *c;
}

// Drawing and recording are for the level above the district, inside the campaign's runner.
void require_checker(const Actor& actor, const storage::CampaignRow& c, domain::OrganisationId district,
                     const std::string& district_path) {
  domain::require(actor.role, domain::Permission::kWrite);
  if (!actor.scope.contains(c.organisation_path) || (!actor.scope.is_whole_tree() && actor.scope.organisation_id == district) ||
      actor.organisation_id == district || !actor.scope.contains(district_path))
    throw domain::DomainError(domain::ErrorKind::kForbidden, "wrong_level", "id", "只有开展这项工作的上级妇联可以抽查",
                              "only the federation running the campaign checks");
}

storage::SpotCheckRow visible(const storage::ReadTx& tx, const Actor& actor, std::int64_t id) {
  auto s = storage::SpotCheckQueries(tx).find(id);
  if (!s || !actor.scope.contains(s->organisation_path)) throw no("id", "抽查", "spot check");
  return *s;
}

}  // namespace

storage::SpotCheckRow SpotChecks::Draw(const Actor& actor, CampaignId campaign, const NewSpotCheck& input) {
  validate_sample_size(input.sample_size);
  const domain::Date today = today_();
  const std::uint64_t seed = input.seed.value_or([] {
    std::random_device device;
    return (static_cast<std::uint64_t>(device()) << 32) ^ device();
  }());
  return db_.write([&](storage::WriteTx& tx) {
    auto c = campaign_of(tx, actor, campaign);
    auto district = storage::OrganisationRepository(tx).find(actor.scope, input.district, today);
    if (!district) throw no("organisation_id", "组织", "organisation");
    if (domain::body_type_level(district->organisation.type) != 1 || !district->path.starts_with(c.organisation_path))
      throw domain::invalid("not_a_district", "organisation_id", "只能抽查区、县（市）妇联的辖区",
                            "spot checks sample a district-level subtree");
    require_checker(actor, c, district->organisation.id, district->path);
    storage::SpotCheckRepository repo(tx);
    auto sample = draw_sample(repo.candidates(district->path), static_cast<int>(input.sample_size), seed);
    if (sample.empty())
      throw domain::invalid("nothing_to_sample", "organisation_id", district->organisation.name + "辖区内没有可抽查的基层组织",
                            "the district has no bodies to sample");
    storage::SpotCheckRow row;
    row.campaign_id = campaign;
    row.organisation_id = district->organisation.id;
    row.seed = seed;
    row.sample_size = static_cast<int>(sample.size());
    row.drawn_at = domain::utc_timestamp_now();
    row.drawn_by = actor.name;
    auto id = repo.insert(row, sample);
    std::vector<std::int64_t> ids;
    for (const auto& d : sample) ids.push_back(d.id);
    ChangeSet changes;
    changes.created("campaign_id", campaign).created("seed", std::to_string(seed))
        .created("sample_size", row.sample_size).created("sample", ids);
    record_audit(tx, actor, {"draw", "spot_check", std::to_string(id), district->organisation.id}, changes);
    return *repo.find(id);
  });
}

std::vector<storage::SpotCheckRow> SpotChecks::OfCampaign(const Actor& actor, CampaignId campaign) {
  domain::require(actor.role, domain::Permission::kRead);
  return db_.read([&](storage::ReadTx& tx) {
    campaign_of(tx, actor, campaign);
    return storage::SpotCheckQueries(tx).of_campaign(campaign, actor.scope.low(), actor.scope.high());
  });
}

storage::SpotCheckRow SpotChecks::SpotCheck(const Actor& actor, std::int64_t id) {
  domain::require(actor.role, domain::Permission::kRead);
  return db_.read([&](storage::ReadTx& tx) { return visible(tx, actor, id); });
}

storage::SpotCheckRow SpotChecks::RecordFinding(const Actor& actor, std::int64_t id, const NewFinding& input) {
  auto finding = finding_from_code(input.finding);
  if (!finding)
    throw domain::invalid("unknown_finding", "finding", "检查结果应为「名册属实」或「发现差异」", "finding is confirmed or differences");
  auto trimmed = [](const std::optional<std::string>& t) -> std::optional<std::string> {
    if (!t || domain::trim(*t).empty()) return std::nullopt;
    return std::string(domain::trim(*t));
  };
  auto differences = trimmed(input.differences), notes = trimmed(input.notes);
  validate_finding(*finding, differences, notes);
  const domain::Date on = input.checked_on.value_or(today_());
  if (on > today_()) throw domain::invalid("in_future", "checked_on", "检查日期不能晚于今天", "checked_on is after today");
  return db_.write([&](storage::WriteTx& tx) {
    auto check = visible(tx, actor, id);
    auto c = campaign_of(tx, actor, check.campaign_id);
    require_checker(actor, c, check.organisation_id, check.organisation_path);
    const storage::SpotCheckItemRow* item = nullptr;
    for (const auto& i : check.items)
      if (i.organisation_id == input.body) item = &i;
    if (!item)
      throw domain::invalid("not_sampled", "organisation_id", "该组织不在本次抽查名单中", "the body is not in this sample");
    storage::SpotCheckRepository(tx).record(id, input.body, *finding, differences, notes, on, actor.name);
    ChangeSet changes;
    changes.add("finding", item->finding ? std::optional<std::string>(std::string(finding_code(*item->finding))) : std::nullopt,
                std::optional<std::string>(std::string(finding_code(*finding))))
        .add("differences", item->differences, differences).add("notes", item->notes, notes)
        .created("organisation_id", input.body).created("checked_on", on);
    record_audit(tx, actor, {"record", "spot_check", std::to_string(id), input.body}, changes);
    return visible(tx, actor, id);
  });
}

}  // namespace jinguo::services
