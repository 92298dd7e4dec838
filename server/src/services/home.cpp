#include "services/home.h"

#include <algorithm>

namespace jinguo::services {

StartPage Home::For(const Actor& actor) {
  StartPage page;
  page.today = today_();
  ComplianceReport failing = staffing_.FailingOn(actor.scope, page.today);
  std::stable_sort(failing.failing.begin(), failing.failing.end(), [](const FailingBody& a, const FailingBody& b) {
    return a.status == domain::staffing::ComplianceStatus::kOver && b.status != domain::staffing::ComplianceStatus::kOver;
  });
  for (auto& f : failing.failing) {
    (f.status == domain::staffing::ComplianceStatus::kOver ? page.over_count : page.short_count)++;
    if (page.attention.size() >= kAttentionItems) continue;
    Attention a{std::move(f.body), f.status, "", ""};
    if (!f.findings.empty()) {
      a.summary_zh = f.findings.front().message_zh;
      a.summary_en = f.findings.front().message_en;
    }
    page.attention.push_back(std::move(a));
  }
  db_.read([&](storage::ReadTx& tx) {
    if (actor.organisation_id) {
      auto entries = storage::OrganisationRepository(tx).entries({*actor.organisation_id});
      if (auto it = entries.find(*actor.organisation_id); it != entries.end()) page.organisation = it->second;
    }
    storage::AuditFilter filter;
    if (!actor.scope.is_whole_tree()) filter.within_path = actor.scope.path;
    filter.entities = {"organisation", "person", "position"};
    storage::PageSpec latest;
    latest.page_size = kRecentItems;
    page.recent = with_names(tx, storage::AuditRepository(tx).list(filter, latest).items);
  });
  return page;
}

}  // namespace jinguo::services
