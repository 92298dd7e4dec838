#include "services/audit_trail.h"

#include "domain/access/access.h"
#include "domain/clock.h"
#include "domain/person_query.h"
#include "domain/text.h"
#include "services/subtree.h"

namespace jinguo::services {

storage::Page<AuditRecord> AuditTrail::Search(const Actor& actor, const AuditQuery& query,
                                              const storage::PageSpec& page) {
  domain::require(actor.role, domain::Permission::kViewAudit);
  return db_.read([&](storage::ReadTx& tx) {
    storage::AuditFilter filter;
    if (query.within) filter.within_path = subtree_path(tx, actor, query.within, "within");
    else if (!actor.scope.is_whole_tree()) filter.within_path = actor.scope.path;
    filter.person_id = query.person_id;
    if (query.person && !domain::trim(*query.person).empty()) {
      auto match = domain::person_query(*query.person, domain::today_in_china());
      filter.person = storage::PersonMatch{match.id_number, match.name, match.prefix};
    }
    filter.actor = query.account;
    if (query.from) filter.from_at = query.from->iso() + "T00:00:00Z";
    if (query.to) filter.to_at = query.to->plus_days(1).iso() + "T00:00:00Z";
    filter.action = query.action;
    filter.entity = query.entity;
    auto found = storage::AuditRepository(tx).list(filter, page);
    return storage::Page<AuditRecord>{with_names(tx, std::move(found.items)), found.total};
  });
}

}  // namespace jinguo::services
