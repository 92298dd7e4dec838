#include "services/exports.h"

#include <map>

#include <nlohmann/json.hpp>

#include "domain/access/access.h"
#include "domain/access/masking.h"
#include "domain/audit_labels.h"
#include "domain/error.h"
#include "domain/id_number.h"
#include "domain/staffing/compliance.h"
#include "services/audit.h"

namespace jinguo::services {

namespace {

using documents::CellValue;
using documents::ColumnKind;

constexpr int kReadPage = 200;  // rows read at a time

void check_size(long long rows) {
  if (rows > kMaxExportRows)
    throw domain::invalid("export_too_large", "",
                          "要导出的记录超过100,000行，请缩小筛选范围后分批导出",
                          "more than 100,000 rows: narrow the filter and export in parts");
}

// A paged list read page by page: `read(page)` takes one page and returns the list's total.
template <class Read>
void each_page(Read read) {
  storage::PageSpec page;
  page.page_size = kReadPage;
  for (page.page = 1;; ++page.page) {
    const long long total = read(page);
    if (static_cast<long long>(page.page) * page.page_size >= total) break;
  }
}

// Every item of a paged list; 422 export_too_large past the limit.
template <class Fetch, class Each>
void each_item(Fetch fetch, Each each) {
  each_page([&](const storage::PageSpec& page) {
    auto found = fetch(page);
    check_size(found.total);
    for (auto& item : found.items) each(item);
    return found.items.empty() ? 0 : found.total;
  });
}

// Body paths in names (哈尔滨市妇联/呼兰区妇联/二八镇妇联), looked up once each.
class BodyPaths {
 public:
  explicit BodyPaths(const storage::ReadTx& tx) : repo_(tx) {}
  const std::string& of_path(const std::string& materialised) {
    auto it = by_path_.find(materialised);
    if (it != by_path_.end()) return it->second;
    std::string names;
    for (const auto& p : repo_.path_of(materialised)) names += (names.empty() ? "" : "/") + p.name;
    return by_path_.emplace(materialised, std::move(names)).first->second;
  }
  std::string of_body(const domain::Scope& scope, domain::OrganisationId id) {
    auto path = repo_.path_in(scope, id);
    return path ? of_path(*path) : std::string();
  }

 private:
  storage::OrganisationRepository repo_;
  std::map<std::string, std::string> by_path_;
};

// Writes into column `at` of each row the path of its body (bodies[i] for rows[i]): a path
// imports again even where two bodies of the subtree share a name.
void with_paths(storage::Database& db, const Actor& actor, std::vector<std::vector<CellValue>>& rows,
                const std::vector<domain::OrganisationId>& bodies, std::size_t at) {
  db.read([&](storage::ReadTx& tx) {
    BodyPaths paths(tx);
    for (std::size_t i = 0; i < rows.size(); ++i) rows[i][at] = paths.of_body(actor.scope, bodies[i]);
  });
}

using documents::column;

// A plain table (no template behind it): one sheet, a title, the columns.
documents::WorkbookSpec table(const char* sheet, const std::string& title, std::vector<documents::SheetColumn> columns) {
  documents::TableSheet t;
  t.name = sheet;
  t.title = title;
  t.landscape = true;
  t.columns = std::move(columns);
  t.dropdown_rows = 0;
  return {{std::move(t)}, {}};
}

// The export's audit record: kind, the filters given, rows, full_personal_data.
void record_export(storage::Database& db, const Actor& actor, std::optional<domain::OrganisationId> body,
                   const std::string& kind, ChangeSet filters, std::size_t rows, bool full) {
  filters.created("kind", kind).created("rows", static_cast<long long>(rows)).created("full_personal_data", full);
  db.write([&](storage::WriteTx& tx) {
    record_audit(tx, actor, {"export", "organisation", body ? std::to_string(*body) : std::string(), body}, filters);
  });
}

template <class T>
void filter(ChangeSet& c, const char* name, const std::optional<T>& value) {
  if (value) c.created(name, *value);
}

bool matches(const storage::PositionRow& row, const PeopleQuery& q, const domain::Date& on) {
  const auto& p = row.position;
  const bool current = !p.end_on || *p.end_on > on;
  if (q.status == storage::HoldingStatus::kCurrent && !current) return false;
  if (q.status == storage::HoldingStatus::kFormer && current) return false;
  return (!q.role || p.role == *q.role) && (!q.manner || p.manner == *q.manner) && (!q.source || p.source == q.source);
}

std::string status_code(storage::HoldingStatus s) {
  return s == storage::HoldingStatus::kCurrent ? "current" : s == storage::HoldingStatus::kFormer ? "former" : "all";
}

std::string status_label(domain::staffing::ComplianceStatus s) {
  switch (s) {
    case domain::staffing::ComplianceStatus::kMeets: return "达标";
    case domain::staffing::ComplianceStatus::kShort: return "不足";
    case domain::staffing::ComplianceStatus::kOver: return "超标";
  }
  return "";
}

// An audit value as a reader sees it: names for the ids of bodies, people and accounts.
std::string shown(const nlohmann::json& v, const std::string& field, const AuditRecord& r) {
  if (v.is_null()) return "（空）";
  if (v.is_boolean()) return v.get<bool>() ? "是" : "否";
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_integer()) {
    const std::string kind = field == "parent_id" ? "organisation_id" : field;
    if (auto names = r.names.find(kind); names != r.names.end())
      if (auto name = names->second.find(v.get<std::int64_t>()); name != names->second.end()) return name->second;
  }
  return v.dump();
}

// 字段：旧 → 新, one line a field.
std::string change_lines(const AuditRecord& r) {
  auto changes = nlohmann::json::parse(r.stored.event.changes, nullptr, false);
  if (!changes.is_object()) return "";
  std::string out;
  for (const auto& [field, change] : changes.items()) {
    if (!out.empty()) out += "\n";
    out += domain::audit_field_label(field) + "：";
    if (change.is_object() && change.contains("before") && change.contains("after"))
      out += shown(change["before"], field, r) + " → " + shown(change["after"], field, r);
    else
      out += shown(change, field, r);
  }
  return out;
}

}  // namespace

Download Exports::People(const Actor& actor, const PeopleQuery& query, bool full) {
  if (full) domain::require(actor.role, domain::Permission::kReveal);
  const auto entries = registry_.Dictionary(std::nullopt);
  const domain::Date on = query.on.value_or(registry_.today());
  auto spec = sheet_layout({SheetKind::kMembers, std::nullopt}, entries, "人员名单（" + on.iso() + "）");
  auto& rows = spec.tables.front().rows;
  each_page([&](const storage::PageSpec& page) {
    const auto kept = registry_.People(actor, query, page);  // 404 for a body outside the scope
    const PeoplePage& found = *kept;
    check_size(found.total);
    std::vector<domain::PersonId> ids;
    for (const auto& s : found.items) ids.push_back(s.person.id);
    db_.read([&](storage::ReadTx& tx) {
      std::string subtree = actor.scope.path;
      if (query.organisation_id)
        subtree = storage::OrganisationRepository(tx).path_in(actor.scope, *query.organisation_id).value_or(subtree);
      BodyPaths paths(tx);
      std::multimap<domain::PersonId, storage::PositionRow> held;
      for (auto& p : storage::PositionRepository(tx).of_people(ids, subtree, on))
        if (matches(p, query, on)) held.emplace(p.position.person_id, std::move(p));
      for (const auto& s : found.items) {
        const std::string notes = s.person.notes.value_or("");  // 备注 is the person's, as the importer reads it
        auto [from, to] = held.equal_range(s.person.id);
        if (from == to) rows.push_back(member_row(s.person, nullptr, "", notes, full, entries));
        for (auto it = from; it != to; ++it)
          rows.push_back(
              member_row(s.person, &it->second, paths.of_path(it->second.organisation_path), notes, full, entries));
      }
    });
    check_size(static_cast<long long>(rows.size()));
    return found.items.empty() ? 0 : found.total;
  });
  ChangeSet filters;
  if (!query.text.empty()) filters.created("q", query.text);
  filter(filters, "organisation_id", query.organisation_id);
  filters.created("status", status_code(query.status)).created("on", on);
  filter(filters, "role", query.role);
  filter(filters, "manner", query.manner);
  filter(filters, "source", query.source);
  Download out{"人员名单_" + on.iso() + ".xlsx", documents::write_workbook(spec)};
  record_export(db_, actor, query.organisation_id ? query.organisation_id : actor.organisation_id, "people", filters,
                rows.size(), full);
  return out;
}

Download Exports::Children(const Actor& actor, domain::OrganisationId id) {
  auto body = registry_.Organisation(actor, id);  // 404 outside the scope
  const domain::Date today = registry_.today();
  auto spec = table("下级组织", body.row.organisation.name + " 下级组织（" + today.iso() + "）",
                    {column("名称", 28), column("类型", 12), column("区划代码", 16), column("示范点", 8),
                     column("成立日期", 12, ColumnKind::kDate), column("成员数", 8, ColumnKind::kNumber)});
  auto& rows = spec.tables.front().rows;
  storage::ChildrenFilter children;
  children.parent_id = id;
  each_item([&](const storage::PageSpec& page) { return registry_.Children(actor, children, page); },
            [&](const storage::OrganisationRow& r) {
              const auto& o = r.organisation;
              rows.push_back({o.name, std::string(domain::body_type_label(o.type)), o.division_code.value_or(""),
                              std::string(o.pilot ? "是" : ""),
                              o.established_on ? CellValue(*o.established_on) : CellValue(),
                              static_cast<double>(r.member_count)});
            });
  ChangeSet filters;
  filters.created("organisation_id", static_cast<long long>(id)).created("on", today);
  Download out{"下级组织_" + body.row.organisation.name + ".xlsx", documents::write_workbook(spec)};
  record_export(db_, actor, id, "children", filters, rows.size(), false);
  return out;
}

Download Exports::Failing(const Actor& actor, std::optional<domain::OrganisationId> within,
                          std::optional<domain::Date> on) {
  const domain::Date day = on.value_or(registry_.today());
  auto report = staffing_.ComplianceOf(actor.scope, within, day, day);  // 404 outside the scope
  auto spec = table("未达标组织", "未达标组织（" + day.iso() + "）",
                    {column("组织", 40), column("类型", 12), column("状态", 8), column("问题", 40), column("建议", 40)});
  auto& rows = spec.tables.front().rows;
  db_.read([&](storage::ReadTx& tx) {
    BodyPaths paths(tx);
    for (const auto& b : report->failing)
      for (const auto& f : b.findings) {
        rows.push_back({paths.of_path(b.body.path), std::string(domain::body_type_label(b.body.type)),
                        status_label(b.status), f.message_zh, f.advice_zh});
        check_size(static_cast<long long>(rows.size()));
      }
  });
  ChangeSet filters;
  filter(filters, "within", within);
  filters.created("on", day);
  Download out{"未达标组织_" + day.iso() + ".xlsx", documents::write_workbook(spec)};
  record_export(db_, actor, within ? within : actor.organisation_id, "failing", filters, rows.size(), false);
  return out;
}

Download Exports::Audit(const Actor& actor, const AuditQuery& query) {
  domain::require(actor.role, domain::Permission::kViewAudit);
  const domain::Date today = registry_.today();
  auto spec = table("操作记录", "操作记录（" + today.iso() + " 导出）",
                    {column("时间", 20), column("账号", 14), column("操作", 12), column("对象", 28), column("人员", 12),
                     column("组织", 20), column("变更", 60)});
  auto& rows = spec.tables.front().rows;
  each_item(
      [&](storage::PageSpec page) {
        page.sort = "at";
        page.descending = true;
        return audit_.Search(actor, query, page);
      },
      [&](const AuditRecord& r) {
        const auto& e = r.stored.event;
        std::string object = domain::audit_entity_label(e.entity);
        if (r.entity_label) object += "：" + *r.entity_label;
        else if (!e.entity_id.empty()) object += " " + e.entity_id;
        rows.push_back({e.at, e.actor, domain::audit_action_label(e.action), object, r.person_name.value_or(""),
                        r.stored.organisation_name.value_or(""), change_lines(r)});
      });
  ChangeSet filters;
  filter(filters, "within", query.within);
  filter(filters, "person_id", query.person_id);
  filter(filters, "person", query.person);
  filter(filters, "account", query.account);
  filter(filters, "from", query.from);
  filter(filters, "to", query.to);
  filter(filters, "action", query.action);
  filter(filters, "entity", query.entity);
  Download out{"操作记录_" + today.iso() + ".xlsx", documents::write_workbook(spec)};
  record_export(db_, actor, query.within ? query.within : actor.organisation_id, "audit", filters, rows.size(), false);
  return out;
}

namespace {

// An archive in its template's layout: a row for each entry `fetch` pages through (from
// `row_of`), its body's path written into `path_column`; one audit record with the filters.
template <class Fetch, class RowOf>
Download archive_export(storage::Database& db, const Actor& actor, const ArchiveQuery& query, bool full,
                        SheetKind kind, const std::string& label, const domain::Date& today, std::size_t path_column,
                        Fetch fetch, RowOf row_of) {
  auto spec = sheet_layout({kind, std::nullopt}, {}, label + "（" + today.iso() + "）");
  auto& rows = spec.tables.front().rows;
  std::vector<domain::OrganisationId> bodies;
  each_item(fetch, [&](const auto& r) {
    bodies.push_back(r.entry.organisation_id);
    rows.push_back(row_of(r));
  });
  with_paths(db, actor, rows, bodies, path_column);
  ChangeSet filters;
  filter(filters, "within", query.within);
  if (!query.text.empty()) filters.created("q", query.text);
  filter(filters, "year", query.year);
  filter(filters, "organisation_kind", query.kind);  // not "kind": the export's own kind is recorded as that
  Download out{label + "_" + today.iso() + ".xlsx", documents::write_workbook(spec)};
  const SheetRequest request{kind, std::nullopt};
  record_export(db, actor, query.within ? query.within : actor.organisation_id, sheet_kind_code(request), filters,
                rows.size(), full);
  return out;
}

// The archives' rows in their templates' columns (推荐单位 / 所在组织 left for the path).
std::vector<CellValue> woman_row(const storage::OutstandingWomanRow& r, bool full) {
  const auto& e = r.entry;
  return {r.person_name, full ? r.id_number : domain::mask_id_number(r.id_number), e.honour, e.field.value_or(""),
          e.year ? CellValue(static_cast<double>(*e.year)) : CellValue(), std::string(), e.notes.value_or("")};
}

std::vector<CellValue> social_row(const storage::SocialOrganisationRow& r, bool full) {
  const auto& e = r.entry;
  const std::string contact = e.contact ? (full ? *e.contact : domain::mask_phone(*e.contact)) : std::string();
  return {e.name, e.kind.value_or(""), e.field.value_or(""), e.head_name.value_or(""),
          e.member_count ? CellValue(static_cast<double>(*e.member_count)) : CellValue(), contact,
          e.founded_on ? CellValue(*e.founded_on) : CellValue(), std::string(), e.notes.value_or("")};
}

}  // namespace

Download Exports::OutstandingWomen(const Actor& actor, const ArchiveQuery& query, bool full) {
  if (full) domain::require(actor.role, domain::Permission::kReveal);
  ArchiveQuery women = query;
  women.kind.reset();  // a social organisation's filter
  auto fetch = [&](const storage::PageSpec& page) { return archives_.OutstandingWomen(actor, women, page); };
  return archive_export(db_, actor, women, full, SheetKind::kOutstandingWomen, "优秀女性代表人物", registry_.today(),
                        5, fetch, [&](const storage::OutstandingWomanRow& r) { return woman_row(r, full); });
}

Download Exports::SocialOrganisations(const Actor& actor, const ArchiveQuery& query, bool full) {
  if (full) domain::require(actor.role, domain::Permission::kReveal);
  ArchiveQuery social = query;
  social.year.reset();  // an outstanding woman's filter
  auto fetch = [&](const storage::PageSpec& page) { return archives_.SocialOrganisations(actor, social, page); };
  return archive_export(db_, actor, social, full, SheetKind::kSocialOrganisations, "妇女社会组织", registry_.today(),
                        7, fetch, [&](const storage::SocialOrganisationRow& r) { return social_row(r, full); });
}

}  // namespace jinguo::services
