#include "services/forms.h"

#include <algorithm>
#include <map>
#include <set>

#include "domain/access/access.h"
#include "domain/access/masking.h"
#include "domain/dictionary.h"
#include "documents/pdf_job.h"
#include "domain/error.h"
#include "services/audit.h"
#include "services/pdf_renderer.h"
#include "services/counting_gate.h"
#include "domain/reelection.h"
#include "storage/compliance_queries.h"
#include "services/campaign_access.h"
#include "storage/contact_repository.h"
#include "storage/registry_changes.h"
#include "storage/form_queries.h"
#include "storage/reelection_repository.h"
#include "storage/repositories.h"
#include "storage/rule_set_repository.h"

namespace jinguo::services {

namespace {

using domain::Date;
using domain::forms::Cell;
using domain::forms::ColumnKind;
using domain::forms::CountWhat;
using domain::forms::Layout;
using domain::forms::RowGroup;

constexpr const char* kBaselineSetting = "campaign_baseline";
const Date kDefaultBaseline(2016, 6, 1);

domain::DomainError invalid_form(int n) {
  return domain::malformed("invalid_form", "n", "没有附表" + std::to_string(n) + "（附表为 1 到 5）",
                           "no form " + std::to_string(n) + " (forms are 1 to 5)");
}

// The subtree a form covers: the caller's organisation unless another is named, in her scope.
struct Subtree {
  domain::OrganisationId id = 0;  // 0: the whole tree
  std::string name = "全部组织";
  std::string path = "/";
};

Subtree subtree_of(const storage::ReadTx& tx, const Actor& actor, std::optional<domain::OrganisationId> within) {
  if (!within && actor.organisation_id) within = *actor.organisation_id;
  if (!within && !actor.scope.is_whole_tree()) within = actor.scope.organisation_id;
  if (!within) return {};
  auto body = storage::ComplianceQueries(tx).body(*within);
  if (!body || !actor.scope.contains(body->path)) throw domain::not_found("within", "组织不存在", "no such organisation");
  return {body->id, body->name, body->path};
}

Layout layout_of(const storage::ReadTx& tx, int n) {
  if (n < 1 || n > domain::forms::kFormCount) throw invalid_form(n);
  auto row = storage::FormQueries(tx).layout(n);
  if (!row) throw invalid_form(n);
  return domain::forms::parse_layout(row->definition, row->version);
}

Date baseline_of(const storage::ReadTx& tx, std::optional<Date> asked) {
  if (asked) return *asked;
  if (auto setting = storage::RuleSetRepository(tx).setting(kBaselineSetting))
    return Date::parse(*setting).value_or(kDefaultBaseline);
  return kDefaultBaseline;
}

// Labels of dictionary codes, and the roles' order.
class Labels {
 public:
  explicit Labels(const storage::ReadTx& tx) {
    for (const auto& e : storage::DictionaryRepository(tx).list(std::nullopt)) {
      entries_[{e.kind, e.code}] = e;
    }
  }
  std::string label(domain::DictionaryKind kind, const std::optional<std::string>& code, bool shortest = false) const {
    if (!code) return "";
    auto it = entries_.find({kind, *code});
    if (it == entries_.end()) return *code;
    return shortest && it->second.short_label ? *it->second.short_label : it->second.label;
  }
  int order(domain::DictionaryKind kind, const std::string& code) const {
    auto it = entries_.find({kind, code});
    return it == entries_.end() ? 1000 : it->second.sort_order;
  }

 private:
  std::map<std::pair<domain::DictionaryKind, std::string>, domain::DictionaryEntry> entries_;
};

// The rows of a level or district form: counted in one pass per date over the positions.
std::vector<FormRow> count_rows(const storage::ReadTx& tx, storage::HeldIndex* index, const Layout& layout,
                                const Subtree& where, const Date& on, const Date& baseline) {
  storage::FormQueries q(tx, index);
  const bool levels = layout.rows == RowGroup::kLevel;
  const auto kind = levels ? storage::FormBodies::kLevels : storage::FormBodies::kDistricts;
  std::vector<std::string> keys, labels;
  std::vector<long long> bodies;
  std::map<std::int64_t, std::size_t> district_row;  // district id → row
  if (levels) {
    for (const auto& r : domain::forms::kLevelRows) {
      keys.emplace_back(r.code);
      labels.emplace_back(r.label);
      bodies.push_back(0);
    }
    for (const auto& c : q.level_counts(where.path, on)) {
      const int row = domain::forms::level_row_of(domain::body_type_code(c.type));
      if (row >= 0) bodies[static_cast<std::size_t>(row)] = c.bodies;
    }
  } else {
    for (const auto& b : q.bodies(where.path, on, kind)) {
      district_row[b.id] = keys.size();
      keys.push_back(std::to_string(b.id));
      labels.push_back(b.name);
      bodies.push_back(1);
    }
  }
  domain::forms::CodeBook codes;
  auto tally = [&](domain::forms::Side side, const Date& day) {
    domain::forms::Tally t(layout, side, keys.size(), codes, on);
    // the positions come grouped by row: the row is looked up when the group changes
    std::string type;  // a copy: the SQL reference's views are into the row being read
    std::int64_t body = -1;
    int row = -1;
    q.each_held_facts(where.path, day, kind, codes, [&](const domain::forms::HeldFacts& h) {
      if (levels && (row < 0 || h.body_type != type)) {
        type = h.body_type;
        row = domain::forms::level_row_of(type);
      } else if (!levels && h.organisation_id != body) {
        body = h.organisation_id;
        const auto it = district_row.find(body);
        row = it == district_row.end() ? -1 : static_cast<int>(it->second);
      }
      if (row >= 0) t.add(static_cast<std::size_t>(row), h.person_id, h.facts);
    });
    t.finish();
    return t;
  };
  const auto now = tally(domain::forms::Side::kReport, on);
  const auto then = tally(domain::forms::Side::kBaseline, baseline);
  auto cells = domain::forms::count_cells(layout, now, then, bodies);
  std::vector<FormRow> out;
  for (std::size_t r = 0; r < keys.size(); ++r) {
    const bool any = std::any_of(cells[r].begin(), cells[r].end(), [](const Cell& c) { return c.number.value_or(0) != 0; });
    if (levels && !any) continue;  // only the levels present
    out.push_back({keys[r], labels[r], std::move(cells[r])});
  }
  return out;
}

void put_text(const Layout& layout, FormRow& row, const char* key, std::string value) {
  for (std::size_t c = 0; c < layout.columns.size(); ++c)
    if (layout.columns[c].key == key) row.cells[c].text = std::move(value);
}

// Form 3: one row a person, in tree order of her first federation, then role order, then name.
std::vector<FormRow> committee_rows(const storage::ReadTx& tx, const Layout& layout, const Subtree& where,
                                    const Date& on, bool full) {
  const Labels labels(tx);
  struct Person {
    std::size_t first = 0;  // order of her first position (tree order)
    int role_order = 1000;
    std::vector<std::string> roles, manners;
    storage::CommitteeRow row;
  };
  std::map<domain::PersonId, Person> people;
  std::size_t seen = 0;
  for (auto& r : storage::FormQueries(tx).committee(where.path, on)) {
    auto [it, fresh] = people.try_emplace(r.person_id);
    Person& p = it->second;
    if (fresh) p.first = seen;
    ++seen;
    const std::string role = labels.label(domain::DictionaryKind::kRole, r.role);
    const std::string manner = labels.label(domain::DictionaryKind::kManner, r.manner);
    if (std::find(p.roles.begin(), p.roles.end(), role) == p.roles.end()) p.roles.push_back(role);
    if (std::find(p.manners.begin(), p.manners.end(), manner) == p.manners.end()) p.manners.push_back(manner);
    p.role_order = std::min(p.role_order, labels.order(domain::DictionaryKind::kRole, r.role));
    if (fresh) p.row = std::move(r);
  }
  std::vector<const Person*> order;
  for (const auto& [id, p] : people) order.push_back(&p);
  std::sort(order.begin(), order.end(), [](const Person* a, const Person* b) {
    // the first position's body, in tree order; ties (the same body) by role, then name
    if (a->row.organisation_id != b->row.organisation_id) return a->first < b->first;
    return std::tie(a->role_order, a->row.name) < std::tie(b->role_order, b->row.name);
  });
  auto joined = [](const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : "、") + p;
    return out;
  };
  std::vector<FormRow> out;
  for (const Person* p : order) {
    const auto& r = p->row;
    FormRow row{std::to_string(r.person_id), r.name, std::vector<Cell>(layout.columns.size())};
    std::string unit = r.work_unit.value_or("");
    if (r.job_title) unit += (unit.empty() ? "" : " ") + *r.job_title;
    put_text(layout, row, "unit", r.organisation_name);
    put_text(layout, row, "name", r.name);
    put_text(layout, row, "sex", r.sex == "male" ? "男" : "女");
    put_text(layout, row, "birth_date", r.birth_date.iso());
    put_text(layout, row, "ethnicity", labels.label(domain::DictionaryKind::kEthnicity, r.ethnicity, true));
    put_text(layout, row, "political_status", labels.label(domain::DictionaryKind::kPoliticalStatus, r.political_status, true));
    put_text(layout, row, "education", labels.label(domain::DictionaryKind::kEducation, r.education, true));
    put_text(layout, row, "work_unit", unit);
    put_text(layout, row, "post", joined(p->roles));
    put_text(layout, row, "manner", joined(p->manners));
    if (r.mobile) put_text(layout, row, "phone", full ? *r.mobile : domain::mask_phone(*r.mobile));
    out.push_back(std::move(row));
  }
  return out;
}

// Form 1: the contacts of the district-level federations, open on the date. Their mobiles are
// masked as form 3's are, unless asked in full by someone who may.
std::vector<FormRow> contact_rows(const storage::ReadTx& tx, const Layout& layout, const Subtree& where,
                                  const Date& on, bool full, std::optional<std::int64_t> campaign) {
  std::vector<FormRow> out;
  for (const auto& r : storage::ContactQueries(tx).open_in_district_level(where.path, on, campaign)) {
    const auto& c = r.contact;
    FormRow row{std::to_string(c.id), c.name, std::vector<Cell>(layout.columns.size())};
    put_text(layout, row, "unit", r.organisation_name);
    put_text(layout, row, "name", c.name);
    if (c.post) put_text(layout, row, "post", *c.post);
    if (c.office_phone) put_text(layout, row, "office_phone", *c.office_phone);
    if (c.mobile) put_text(layout, row, "mobile", full ? *c.mobile : domain::mask_phone(*c.mobile));
    if (c.email) put_text(layout, row, "email", *c.email);
    out.push_back(std::move(row));
  }
  return out;
}

// Form 2: each district's re-election in force on the date, beside the counts.
void add_reelections(const storage::ReadTx& tx, const Layout& layout, std::vector<FormRow>& rows, const Date& on) {
  std::vector<domain::OrganisationId> ids;
  for (const auto& row : rows) ids.push_back(std::stoll(row.key));
  const auto in_force = storage::ReelectionQueries(tx).in_force(ids, on);
  auto put_number = [&](FormRow& row, const char* key, long long value) {
    for (std::size_t c = 0; c < layout.columns.size(); ++c)
      if (layout.columns[c].key == key) row.cells[c].number = value;
  };
  for (auto& row : rows) {
    auto it = in_force.find(std::stoll(row.key));
    if (it == in_force.end()) continue;
    const domain::Reelection& e = it->second.reelection;
    put_text(layout, row, "last_election", e.held_on.iso());
    put_number(row, "term_years", e.term_years);
    put_text(layout, row, "next_election", domain::next_reelection_on(e).iso());
    put_number(row, "delegates", e.delegates);
    put_number(row, "delegates_minority", e.delegates_minority);
    put_number(row, "delegates_party", e.delegates_party);
    put_number(row, "delegates_grassroots", e.delegates_grassroots);
    put_number(row, "delegates_under_35", e.delegates_under_35);
  }
}

bool reads_baseline(const Layout& layout) {
  return std::any_of(layout.columns.begin(), layout.columns.end(), [](const auto& c) {
    return c.count && (c.count->what == CountWhat::kAdded || c.count->on == domain::forms::CountOn::kBaseline);
  });
}

std::string cell_text(const Cell& c) {
  if (c.number) return std::to_string(*c.number);
  return c.text.value_or("");
}

}  // namespace

std::vector<FormSummary> Forms::List() {
  return db_.read([&](storage::ReadTx& tx) {
    std::vector<FormSummary> out;
    for (const auto& row : storage::FormQueries(tx).latest_layouts()) {
      auto layout = domain::forms::parse_layout(row.definition, row.version);
      out.push_back({row.form, layout.title, row.version});
    }
    return out;
  });
}

FormReport Forms::Report(const Actor& actor, const FormQuery& query) { return kept_report(actor, query).report; }

Forms::KeptReport Forms::kept_report(const Actor& actor, const FormQuery& query) {
  domain::require(actor.role, domain::Permission::kRead);
  // What the form is computed from, read (with the scope's check) in one short transaction.
  FormReport r;
  Subtree where;
  std::string key;
  std::int64_t generation = 0;
  db_.read([&](storage::ReadTx& tx) {
    r.layout = layout_of(tx, query.form);
    // only forms 1 and 3 show personal data (phones)
    r.full = query.full && (r.layout.rows == RowGroup::kPerson || r.layout.rows == RowGroup::kContact);
    if (r.full) domain::require(actor.role, domain::Permission::kReveal);
    where = subtree_of(tx, actor, query.within);
    r.within_id = where.id;
    r.within_name = where.name;
    r.on = query.on.value_or(today_());
    r.baseline = baseline_of(tx, query.baseline);
    if (r.layout.rows == RowGroup::kContact && query.campaign)
      campaign_access::visible_campaign(tx, actor, *query.campaign, "campaign");
    if (reports_ && (r.layout.rows == RowGroup::kLevel || r.layout.rows == RowGroup::kPerson)) {
      generation = storage::registry_generation(tx);
      key = std::to_string(r.layout.form) + "|" + std::to_string(r.layout.version) + "|" + where.path + "|" +
            r.on.iso() + "|" + r.baseline.iso() + "|" + (r.full ? "full" : "masked") + "|" + std::to_string(generation);
    }
  });
  r.grid = domain::forms::header_grid(r.layout.columns);
  auto compute = [&] {
    CountingGate::Slot slot(CountingGate::shared());
    return db_.read([&](storage::ReadTx& tx) {
      FormReport out = r;
      switch (out.layout.rows) {
        case RowGroup::kLevel:
        case RowGroup::kDistrict:
          out.rows = count_rows(tx, index_, out.layout, where, out.on, out.baseline);
          if (out.layout.rows == RowGroup::kDistrict) add_reelections(tx, out.layout, out.rows, out.on);
          out.totals = domain::forms::totals_of(out.layout, [&] {
            std::vector<std::vector<domain::forms::Cell>> cells;
            for (const auto& row : out.rows) cells.push_back(row.cells);
            return cells;
          }());
          break;
        case RowGroup::kPerson: out.rows = committee_rows(tx, out.layout, where, out.on, out.full); break;
        case RowGroup::kContact:
          out.rows = contact_rows(tx, out.layout, where, out.on, out.full, query.campaign);
          break;
      }
      return out;
    });
  };
  return {key.empty() ? compute() : reports_->get(key, generation, compute), key, generation};
}

namespace {

// One page of a drill-down's items (past the last page: none).
template <class T>
std::vector<T> page_of(std::vector<T>& all, const CellPage& page) {
  const auto size = static_cast<std::size_t>(std::max(page.page_size, 1));
  const auto from = std::min(all.size(), static_cast<std::size_t>(std::max(page.page, 1) - 1) * size);
  const auto to = std::min(all.size(), from + size);
  return {std::make_move_iterator(all.begin() + static_cast<std::ptrdiff_t>(from)),
          std::make_move_iterator(all.begin() + static_cast<std::ptrdiff_t>(to))};
}

}  // namespace

CellList Forms::Cell(const Actor& actor, const FormQuery& query, const std::string& row, const std::string& column,
                     const CellPage& page) {
  domain::require(actor.role, domain::Permission::kRead);
  CellList all = db_.read([&](storage::ReadTx& tx) {
    const Layout layout = layout_of(tx, query.form);
    const Subtree where = subtree_of(tx, actor, query.within);
    const Date on = query.on.value_or(today_());
    const Date baseline = baseline_of(tx, query.baseline);
    const auto* col = layout.column(column);
    if (!col) throw domain::not_found("column", "报表没有该列", "no such column");
    if (!col->count)
      throw domain::invalid("not_a_count", "column", "该列不是计数列", "the column is not a count");
    const bool levels = layout.rows == RowGroup::kLevel;
    const bool every_row = row == kTotalRow;
    const auto kind = levels ? storage::FormBodies::kLevels : storage::FormBodies::kDistricts;
    if (levels && !every_row && domain::forms::level_row_of(row) < 0)
      throw domain::not_found("row", "报表没有该行", "no such row");
    storage::FormQueries q(tx);
    // The rows of a district form are its districts open on the report date.
    std::set<domain::OrganisationId> districts;
    if (!levels && every_row)
      for (const auto& b : q.bodies(where.path, on, kind)) districts.insert(b.id);
    // The row a body counts in: its type's (a level form) or its own (a district form).
    auto row_of = [&](std::string_view body_type, domain::OrganisationId body) {
      return levels ? std::string(body_type) : std::to_string(body);
    };
    auto in_row = [&](std::string_view body_type, domain::OrganisationId body) {
      if (!every_row) return row_of(body_type, body) == row;
      return levels ? domain::forms::level_row_of(body_type) >= 0 : districts.contains(body);
    };
    CellList out;
    if (col->count->what == CountWhat::kBodies) {
      out.people = false;
      for (const auto& b : q.bodies(where.path, on, kind))
        if (in_row(domain::body_type_code(b.type), b.id)) out.bodies.push_back({b.id, b.name, b.type});
      return out;
    }
    const Labels labels(tx);
    domain::forms::CodeBook codes;
    const domain::forms::Filter filter(*col->count, layout.bands, codes, on);
    // Each position on a day that passes, in person order (then body path).
    auto each_passing = [&](const Date& day, const std::function<void(const storage::HeldNamed&)>& visit) {
      q.each_held_named(where.path, day, kind, [&](const storage::HeldNamed& n) {
        if (in_row(n.held.body_type, n.held.organisation_id) && filter(codes.facts(n.held))) visit(n);
      });
    };
    // The people who pass on a day, each once with her first position that `counts`.
    auto people_on = [&](const Date& day, const std::function<bool(const domain::forms::Held&)>& counts) {
      std::vector<CellPerson> found;
      each_passing(day, [&](const storage::HeldNamed& n) {
        const auto& h = n.held;
        if (!found.empty() && found.back().person_id == h.person_id) return;
        if (!counts(h)) return;
        found.push_back({h.person_id, std::string(n.person_name), h.organisation_id, std::string(n.organisation_name),
                         labels.label(domain::DictionaryKind::kRole, std::string(h.role))});
      });
      return found;
    };
    const auto& count = *col->count;
    if (count.what == CountWhat::kMembers) {
      out.persons = people_on(count.on == domain::forms::CountOn::kReport ? on : baseline,
                              [](const domain::forms::Held&) { return true; });
    } else {  // added: in a row on the date and not in that row on the baseline (the rows' cells, each once)
      std::set<std::pair<domain::PersonId, std::string>> before;
      each_passing(baseline, [&](const storage::HeldNamed& n) {
        before.insert({n.held.person_id, row_of(n.held.body_type, n.held.organisation_id)});
      });
      out.persons = people_on(on, [&](const domain::forms::Held& h) {
        return !before.contains({h.person_id, row_of(h.body_type, h.organisation_id)});
      });
    }
    return out;
  });
  CellList out;
  out.people = all.people;
  out.total = static_cast<long long>(all.people ? all.persons.size() : all.bodies.size());
  out.page = page;
  out.persons = page_of(all.persons, page);
  out.bodies = page_of(all.bodies, page);
  return out;
}

documents::FormTable Forms::table_of(const FormReport& r) {
  documents::FormTable t;
  const auto& l = r.layout;
  t.title = "附表" + std::to_string(l.form) + "  " + l.title;
  t.subtitle = "填报单位：" + r.within_name + "    统计日期：" + r.on.chinese();
  if (reads_baseline(l)) t.subtitle += "（基线：" + r.baseline.chinese() + "）";
  t.header_rows = r.grid.rows;
  t.columns = static_cast<int>(l.columns.size());
  t.headings = r.grid.headings;
  for (const auto& c : l.columns) {
    t.numeric.push_back(c.numeric());
    t.widths.push_back(c.width > 0 ? c.width : c.kind == ColumnKind::kLabel ? 12 : c.numeric() ? 6 : 10);
  }
  for (const auto& row : r.rows) {
    std::vector<std::string> texts;
    for (std::size_t c = 0; c < l.columns.size(); ++c)
      texts.push_back(l.columns[c].kind == ColumnKind::kLabel ? row.label : cell_text(row.cells[c]));
    t.rows.push_back(std::move(texts));
  }
  if (r.totals) {
    for (std::size_t c = 0; c < l.columns.size(); ++c)
      t.totals.push_back(l.columns[c].kind == ColumnKind::kLabel ? "合计" : cell_text((*r.totals)[c]));
    if (!l.columns.empty() && l.columns.front().kind != ColumnKind::kLabel) t.totals.front() = "合计";
  }
  t.footer = l.footer;
  t.landscape = l.landscape;
  return t;
}

Download Forms::Workbook(const Actor& actor, const FormQuery& query) { return download(actor, query, "xlsx"); }
Download Forms::Pdf(const Actor& actor, const FormQuery& query) { return download(actor, query, "pdf"); }

Download Forms::download(const Actor& actor, const FormQuery& query, const std::string& format) {
  const KeptReport kept = kept_report(actor, query);
  const FormReport& report = kept.report;
  const std::string& key = kept.key;
  const auto draw = [&] {
    const documents::FormTable table = table_of(report);
    return format == "pdf" ? pdf_.render(documents::pdf_job(table)) : documents::write_form_xlsx(table);
  };
  Download out{"附表" + std::to_string(report.layout.form) + "_" + report.within_name + "_" + report.on.iso() + "." + format,
               key.empty() ? draw() : *files_->get(key + "|" + format, kept.generation, [&] {
                 return std::make_shared<const std::string>(draw());
               })};
  ChangeSet changes;
  changes.created("form", report.layout.form)
      .created("within", static_cast<long long>(report.within_id))
      .created("on", report.on)
      .created("baseline", report.baseline)
      .created("format", format)
      .created("rows", static_cast<long long>(report.rows.size()))
      .created("full_personal_data", report.full);
  const std::optional<std::int64_t> body =
      report.within_id ? std::optional<std::int64_t>(report.within_id) : std::nullopt;
  db_.write([&](storage::WriteTx& tx) {
    record_audit(tx, actor, {"export", "form", std::to_string(report.layout.form), body}, changes);
  });
  return out;
}

}  // namespace jinguo::services
