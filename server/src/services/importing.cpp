#include "services/importing.h"

#include <malloc.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <variant>

#include "documents/spreadsheet.h"
#include "domain/access/access.h"
#include "domain/access/masking.h"
#include "domain/clock.h"
#include "domain/text.h"
#include "domain/error.h"
#include "domain/import/columns.h"
#include "domain/import/values.h"
#include "domain/position.h"
#include "services/audit.h"
#include "services/crypto.h"
#include "services/import_bodies.h"
#include "services/person_audit.h"
#include "services/staffing.h"
#include "storage/compliance_queries.h"
#include "storage/import_repository.h"
#include "storage/repositories.h"

namespace jinguo::services {

namespace {

using domain::DictionaryKind;
using domain::import::CellValue;
using domain::import::ColumnKey;
using domain::import::ValueError;

// What one data row says, normalised; the errors found on the way.
struct RowDraft {
  std::uint32_t row = 0;
  std::string name;
  domain::IdNumber id;
  // The person's fields the row carries, normalised (codes for dictionaries): few a row.
  std::vector<std::pair<std::optional<std::string> domain::Person::*, std::string>> person_fields;
  std::optional<std::string> organisation_text;      // as typed, or the division code
  std::optional<std::string> role, manner, source;
  domain::Date start_on;
  // how much of the date the 任职时间 cell gave (none: the cell is blank, and start_on is today);
  // two bytes beside start_on's four, in what was padding: 100,000 drafts take no more memory
  std::optional<domain::import::DatePrecision> start_typed;
  std::vector<ImportError> errors;
  std::vector<std::string> overridden;  // staffing refusals an administrator's reason let through
};

bool masked(const std::string& text) { return text.find('*') != std::string::npos; }

std::vector<domain::DictionaryEntry> of_kind(const std::vector<domain::DictionaryEntry>& all, DictionaryKind kind) {
  std::vector<domain::DictionaryEntry> out;
  for (const auto& e : all)
    if (e.kind == kind && e.active) out.push_back(e);
  return out;
}

std::string label_of(const std::vector<domain::DictionaryEntry>& all, DictionaryKind kind, const std::string& code) {
  for (const auto& e : all)
    if (e.kind == kind && e.code == code) return e.label;
  return code;
}

static_assert(sizeof(RowDraft) <= 320, "a draft is kept for each row of a file: keep it small");

// Reads and normalises one data row (pure but for the dictionaries given).
class RowReader {
 public:
  RowReader(const documents::Sheet& sheet, const domain::import::Header& header, bool date1904,
            const std::vector<domain::DictionaryEntry>& entries, domain::Date today)
      : sheet_(sheet), header_(header), date1904_(date1904), today_(today) {
    for (auto kind : domain::kAllDictionaryKinds) by_kind_[kind] = of_kind(entries, kind);
  }

  RowDraft read(std::uint32_t row) const {
    RowDraft d;
    d.row = row;
    d.start_on = today_;
    auto name = value(row, ColumnKey::kName);
    if (!name) {
      fail(d, ColumnKey::kName, {"required", "请填写姓名", "the name is missing"});
    } else {
      // the person-name rule of the registry: 王  芳 → 王芳, a bullet → ·, emoji and digits refused
      d.name = domain::import::clean_text(domain::import::cell_text(*name));
      try {
        d.name = domain::normalise_person_name(d.name);
      } catch (const domain::DomainError& e) {
        fail(d, ColumnKey::kName, {e.code(), e.message_zh(), e.message_en()});
      }
    }
    if (auto id = value(row, ColumnKey::kIdNumber); !id) {
      fail(d, ColumnKey::kIdNumber, {"required", "请填写身份证号", "the ID number is missing"});
    } else if (masked(domain::import::cell_text(*id))) {
      fail(d, ColumnKey::kIdNumber, {"id_number_masked", "身份证号已打码：请导出完整号码（勾选“含完整身份证号”）后再导入",
                                     "the ID number is masked: export it in full to import it"});
    } else {
      auto parsed = domain::import::normalise_id_number(*id, today_);
      if (auto* e = std::get_if<ValueError>(&parsed)) fail(d, ColumnKey::kIdNumber, *e);
      else d.id = std::get<domain::IdNumber>(parsed);
    }
    const bool have_id = !d.id.value.empty();
    if (auto sex = value(row, ColumnKey::kSex)) {
      auto s = domain::import::normalise_sex(*sex);
      if (auto* e = std::get_if<ValueError>(&s)) fail(d, ColumnKey::kSex, *e);
      else if (have_id && std::get<domain::Sex>(s) != d.id.sex)
        fail(d, ColumnKey::kSex, {"id_number_sex_mismatch", "性别与身份证号不符：请核对二者（性别可不填，按身份证号判断）",
                                  "the sex disagrees with the ID number: check both (the sex may be left blank)"});
    }
    if (auto birth = value(row, ColumnKey::kBirthDate)) {
      auto b = domain::import::normalise_date(*birth, date1904_);
      if (auto* e = std::get_if<ValueError>(&b)) fail(d, ColumnKey::kBirthDate, *e);
      else if (have_id && !domain::import::agrees(std::get<domain::import::DateValue>(b), d.id.birth_date))
        fail(d, ColumnKey::kBirthDate,
             {"id_number_birth_date_mismatch", "出生日期与身份证号不符：请核对二者（出生日期可不填，按身份证号判断）",
              "the birth date disagrees with the ID number: check both (the birth date may be left blank)"});
    }
    dictionary(d, row, ColumnKey::kEthnicity, DictionaryKind::kEthnicity, &domain::Person::ethnicity);
    dictionary(d, row, ColumnKey::kPoliticalStatus, DictionaryKind::kPoliticalStatus, &domain::Person::political_status);
    dictionary(d, row, ColumnKey::kEducation, DictionaryKind::kEducation, &domain::Person::education);
    text(d, row, ColumnKey::kWorkUnit, &domain::Person::work_unit, 100);
    if (!header_.column_of(ColumnKey::kWorkUnit)) text(d, row, ColumnKey::kWorkUnitAndTitle, &domain::Person::work_unit, 100);
    text(d, row, ColumnKey::kJobTitle, &domain::Person::job_title, 100);
    text(d, row, ColumnKey::kNotes, &domain::Person::notes, 1000);
    phone(d, row, ColumnKey::kMobile, &domain::Person::mobile);
    phone(d, row, ColumnKey::kOfficePhone, &domain::Person::office_phone);
    if (has_positions()) position(d, row);
    return d;
  }

  // A members sheet: it names roles (else it lists people only).
  bool has_positions() const { return header_.column_of(ColumnKey::kRole).has_value(); }

  // The heading of a column as the file has it.
  std::string heading(ColumnKey key) const {
    for (const auto& c : header_.columns)
      if (c.key == key) return c.heading;
    return std::string(domain::import::canonical_heading(key));
  }

 private:
  std::optional<CellValue> value(std::uint32_t row, ColumnKey key) const {
    auto column = header_.column_of(key);
    if (!column) return std::nullopt;
    CellValue v = import_value_of(sheet_.value_at(row, *column));
    if (domain::import::is_blank(v)) return std::nullopt;
    return v;
  }
  void fail(RowDraft& d, ColumnKey key, const ValueError& e) const {
    d.errors.push_back({sheet_.name, d.row, heading(key), e.code, e.message_zh, e.message_en});
  }
  std::optional<std::string> code_of(RowDraft& d, std::uint32_t row, ColumnKey key, DictionaryKind kind) const {
    auto v = value(row, key);
    if (!v) return std::nullopt;
    // A column holds a handful of distinct values: each is matched once (the cache is bounded).
    std::string memo = std::to_string(static_cast<int>(kind)) + static_cast<char>('a' + static_cast<int>(v->kind)) +
                       (v->kind == CellValue::Kind::kText ? v->text : domain::import::cell_text(*v));
    auto cached = matched_.find(memo);
    if (cached == matched_.end()) {
      if (matched_.size() >= 4096) matched_.clear();
      cached = matched_.emplace(std::move(memo), domain::import::match_dictionary(*v, kind, by_kind_.at(kind))).first;
    }
    const auto& matched = cached->second;
    if (auto* e = std::get_if<ValueError>(&matched)) {
      fail(d, key, *e);
      return std::nullopt;
    }
    return std::get<std::string>(matched);
  }
  using Field = std::optional<std::string> domain::Person::*;
  static void set(RowDraft& d, Field field, std::string value) {
    for (auto& [f, v] : d.person_fields)
      if (f == field) return void(v = std::move(value));  // 工作单位 after 工作单位及职务
    d.person_fields.emplace_back(field, std::move(value));
  }
  void dictionary(RowDraft& d, std::uint32_t row, ColumnKey key, DictionaryKind kind, Field field) const {
    if (auto code = code_of(d, row, key, kind)) set(d, field, std::move(*code));
  }
  void text(RowDraft& d, std::uint32_t row, ColumnKey key, Field field, std::size_t max) const {
    auto v = value(row, key);
    if (!v) return;
    std::string t = domain::import::clean_text(domain::import::cell_text(*v));
    try {
      domain::validate_free_text(std::string(domain::import::column_key_code(key)), t, max);
      set(d, field, std::move(t));
    } catch (const domain::DomainError& e) {
      fail(d, key, {e.code(), e.message_zh(), e.message_en()});
    }
  }
  void phone(RowDraft& d, std::uint32_t row, ColumnKey key, Field field) const {
    auto v = value(row, key);
    if (!v || masked(domain::import::cell_text(*v))) return;  // a masked export leaves the stored number alone
    auto p = domain::import::normalise_phone(*v);
    if (auto* e = std::get_if<ValueError>(&p)) return fail(d, key, *e);
    const auto& number = std::get<domain::import::PhoneNumber>(p);
    if (key == ColumnKey::kMobile && !number.mobile)
      return fail(d, key, {"mobile_format", "手机号应为11位数字，以13–19开头；固定电话请填在“办公电话”列",
                           "a mobile number has 11 digits; a landline goes into the office phone column"});
    set(d, field, number.text);
  }
  void position(RowDraft& d, std::uint32_t row) const {
    if (auto org = value(row, ColumnKey::kOrganisation))
      d.organisation_text = domain::import::clean_text(domain::import::cell_text(*org));
    else if (auto code = value(row, ColumnKey::kDivisionCode))
      d.organisation_text = domain::import::to_half_width(domain::import::cell_text(*code));
    d.role = code_of(d, row, ColumnKey::kRole, DictionaryKind::kRole);
    if (!d.role && !value(row, ColumnKey::kRole))
      fail(d, ColumnKey::kRole, {"required", "请填写妇联职务", "the role is missing"});
    d.manner = code_of(d, row, ColumnKey::kManner, DictionaryKind::kManner);
    if (!d.manner && !value(row, ColumnKey::kManner))
      fail(d, ColumnKey::kManner, {"required", "请填写任职方式（专职、兼职、挂职或志愿者）", "the manner is missing"});
    d.source = code_of(d, row, ColumnKey::kSource, DictionaryKind::kSource);
    if (auto start = value(row, ColumnKey::kStartOn)) {
      auto s = domain::import::normalise_date(*start, date1904_);
      if (auto* e = std::get_if<ValueError>(&s)) return fail(d, ColumnKey::kStartOn, *e);
      const auto& typed = std::get<domain::import::DateValue>(s);
      if (typed.date > today_)
        fail(d, ColumnKey::kStartOn, {"date_in_future", "任职时间不能晚于今天", "the start date is in the future"});
      else if (typed.date.year() < 1949)
        fail(d, ColumnKey::kStartOn, {"start_too_early", "任职时间不能早于1949年：请核对年份", "the start date is before 1949"});
      else {
        d.start_on = typed.date;
        d.start_typed = typed.precision;
      }
    }
  }

  const documents::Sheet& sheet_;
  const domain::import::Header& header_;
  bool date1904_;
  std::map<DictionaryKind, std::vector<domain::DictionaryEntry>> by_kind_;  // active entries
  mutable std::unordered_map<std::string, domain::import::Normalised<std::string>> matched_;
  domain::Date today_;
};


}  // namespace

CellValue import_value_of(const documents::Cell& cell) {
  switch (cell.kind) {
    case documents::CellKind::kText: return CellValue::of_text(std::string(cell.text));
    case documents::CellKind::kNumber: return CellValue::of_number(cell.number, cell.date_formatted);
    case documents::CellKind::kBool: return CellValue::of_text(cell.number != 0 ? "TRUE" : "FALSE");
    case documents::CellKind::kError: return CellValue{CellValue::Kind::kError, std::string(cell.text), 0, false};
    case documents::CellKind::kEmpty: break;
  }
  return {};
}

domain::import::TextRow text_row(const documents::Row& row) {
  domain::import::TextRow r{row.number, {}};
  r.cells.reserve(row.cells.size());
  for (const auto& cell : row.cells) r.cells.emplace_back(cell.column, domain::import::cell_text(import_value_of(cell)));
  return r;
}

std::vector<domain::import::TextRow> text_rows(const documents::Sheet& sheet, std::size_t limit) {
  std::vector<domain::import::TextRow> rows;
  rows.reserve(std::min(limit, sheet.rows.size()));
  for (const auto& row : sheet.rows) {
    if (rows.size() == limit) break;
    rows.push_back(text_row(row));
  }
  return rows;
}

ChosenSheet choose_sheet(const documents::Workbook& book, const std::vector<ColumnKey>& required,
                         const domain::DomainError& none, ImportReport& report) {
  ChosenSheet chosen;
  for (const auto& sheet : book.sheets) {
    if (sheet.hidden) continue;  // drop-down lists
    auto header = domain::import::find_header(text_rows(sheet, domain::import::HeaderSearch{}.max_rows + 5));
    if (!header || !std::all_of(required.begin(), required.end(), [&](ColumnKey k) { return header->column_of(k); }))
      continue;
    if (chosen.sheet) {
      report.warnings.push_back("工作表“" + sheet.name + "”也有名单，本次只读取第一个工作表“" + chosen.sheet->name + "”");
      continue;
    }
    chosen = {&sheet, std::move(*header)};
  }
  if (!chosen.sheet) throw none;
  report.sheet = chosen.sheet->name;
  report.header_row = chosen.header.row_number;
  for (auto& warning : domain::import::header_warnings(chosen.header)) report.warnings.push_back(std::move(warning));
  if (chosen.sheet->ignored_cells > 0)
    report.warnings.push_back("表格右侧超出范围的" + std::to_string(chosen.sheet->ignored_cells) + "个单元格被忽略");
  return chosen;
}

std::string_view import_kind_code(ImportKind kind) {
  switch (kind) {
    case ImportKind::kRoster: return "roster";
    case ImportKind::kOutstandingWomen: return "outstanding-women";
    case ImportKind::kSocialOrganisations: return "social-organisations";
  }
  return "";
}

std::optional<ImportKind> parse_import_kind(std::string_view text) {
  for (auto kind : {ImportKind::kRoster, ImportKind::kOutstandingWomen, ImportKind::kSocialOrganisations})
    if (import_kind_code(kind) == text) return kind;
  return std::nullopt;
}

std::string_view outcome_code(RowOutcome outcome) {
  switch (outcome) {
    case RowOutcome::kCreate: return "create";
    case RowOutcome::kUpdate: return "update";
    case RowOutcome::kUnchanged: return "unchanged";
    case RowOutcome::kError: return "error";
  }
  return "";
}

namespace {

// What pass 1 made of the file: each data row normalised, the bodies it names found.
struct Prepared {
  documents::Workbook book;
  ChosenSheet chosen;
  std::vector<RowDraft> drafts;
  std::map<std::string, BodyOrError> bodies;  // by the text of the 所在组织 cell ("" = within)
  std::vector<domain::DictionaryEntry> entries;
  bool has_positions = false;
  std::string sheet_name, role_heading, organisation_heading;
};

// A person as this batch has left her: stored (id > 0), to be created (id < 0 in a dry run,
// so that the staffing rules count her once), visible to the caller or not.
struct PersonState {
  domain::Person person;
  bool stored = false;    // registered before this batch
  bool in_scope = false;  // the caller may edit her
  bool pending = false;   // a dry run: created by an earlier row of this file
  // As the staffing check counts her: her id, or for one new in this batch a stand-in kept
  // after she is stored (the check read the bodies before, and has only the stand-in).
  domain::PersonId staffing_id = 0;
};

constexpr int kProgressEvery = 500;

// The row's person fields applied to a person (codes for dictionaries, normalised phones).
void apply_fields(domain::Person& p, const RowDraft& d) {
  p.name = d.name;
  for (const auto& [field, value] : d.person_fields) p.*field = value;
}

std::string finding_texts(const std::vector<domain::staffing::Finding>& findings) {
  std::string out;
  for (const auto& f : findings) out += (out.empty() ? "" : "；") + f.message_zh;
  return out;
}


// Pass 1: the file read, each data row normalised, the bodies named found once each.
Prepared prepare(Registry& registry, storage::Database& db, const std::string& bytes,
                 const std::string& file_name, const OrganisationDetail& root, ImportReport& report) {
  Prepared p;
  report.file_name = file_name;
  report.sha256 = sha256_hex(bytes);
  p.book = documents::read_spreadsheet(bytes, file_name);
  p.chosen = choose_sheet(p.book, {ColumnKey::kName, ColumnKey::kIdNumber},
                          domain::invalid("import_no_header", "file", "未找到表头：请确认表格中有“姓名”“身份证号”两列的列名",
                                          "no heading row with a name and an ID number column was found"),
                          report);
  const documents::Sheet& sheet = *p.chosen.sheet;

  const domain::Date today = registry.today();
  p.entries = registry.Dictionary(std::nullopt);
  RowReader reader(sheet, p.chosen.header, p.book.date1904, p.entries, today);
  p.has_positions = reader.has_positions();
  p.role_heading = reader.heading(ColumnKey::kRole);
  p.organisation_heading = reader.heading(ColumnKey::kOrganisation);
  domain::import::RowClassifier classify(p.chosen.header);
  std::optional<BodyIndex> index;
  if (p.has_positions)
    db.read([&](storage::ReadTx& tx) {
      index.emplace(tx, root, today, [&db, &root, today](const std::string& code) {
        return db.read([&](storage::ReadTx& t) { return open_body_with_code(t, root.row.path, code, today); });
      });
    });

  std::map<std::string, std::uint32_t> first_row_of_id;
  // A row's cells go once its draft is made (the drafts then take the memory the cells gave
  // back), except the top rows of merged ranges that later rows read through.
  auto& cells_of = p.book.sheets[static_cast<std::size_t>(p.chosen.sheet - p.book.sheets.data())].rows;
  std::unordered_set<std::uint32_t> merge_tops;
  for (const auto& m : sheet.merged)
    if (m.last_row > m.first_row) merge_tops.insert(m.first_row);
  p.drafts.reserve(sheet.rows.size());
  for (auto& row : cells_of) {
    if (classify.next(text_row(row)) != domain::import::RowKind::kData) continue;
    RowDraft d = reader.read(row.number);
    if (!merge_tops.contains(row.number)) std::vector<documents::Cell>().swap(row.cells);
    if (!d.id.value.empty()) {
      auto [at, fresh] = first_row_of_id.emplace(d.id.value + "|" + d.organisation_text.value_or("") + "|" +
                                                     d.role.value_or(""),
                                                 d.row);
      if (!fresh)
        d.errors.push_back({sheet.name, d.row, "", "duplicate_in_file", "与第" + std::to_string(at->second) + "行重复",
                            "repeats row " + std::to_string(at->second)});
    }
    if (p.has_positions) {
      std::string key = d.organisation_text.value_or("");
      if (!p.bodies.contains(key))
        p.bodies.emplace(key, key.empty() ? BodyOrError(index->root()) : index->find(key));
      const auto& body = p.bodies.at(key);
      if (const auto* e = std::get_if<ValueError>(&body)) {
        d.errors.push_back({sheet.name, d.row, p.organisation_heading, e->code, e->message_zh, e->message_en});
      } else if (d.role) {
        const auto& o = std::get<BodyRef>(body);
        const auto role = std::find_if(p.entries.begin(), p.entries.end(), [&](const auto& e) {
          return e.kind == DictionaryKind::kRole && e.code == *d.role;
        });
        if (role != p.entries.end() && !domain::role_allowed_in(*role, o.type)) {
          std::string allowed;
          for (const auto& label : domain::roles_allowed_in(p.entries, o.type)) allowed += (allowed.empty() ? "" : "、") + label;
          d.errors.push_back({sheet.name, d.row, p.role_heading, "role_not_allowed",
                              role->label + "不适用于" + std::string(domain::body_type_label(o.type)) + "（" + o.name +
                                  "），可填：" + allowed,
                              role->label + " does not exist in a " + std::string(domain::body_type_code(o.type)) +
                                  "; write one of: " + allowed});
        }
      }
    }
    p.drafts.push_back(std::move(d));
  }
  // The drafts hold all that pass 2 needs: the cells go now (a large sheet is most of the memory).
  p.sheet_name = sheet.name;
  p.chosen = {};
  p.book = {};
  ::malloc_trim(0);  // give the cells' pages back: a server holds its peak otherwise
  return p;
}

// The organisation the rows go under: `within`, or the caller's own; 404 outside her scope.
OrganisationDetail import_root(Registry& registry, const Actor& actor, std::optional<domain::OrganisationId> within) {
  domain::require(actor.role, domain::Permission::kWrite);
  if (!within) within = actor.organisation_id;
  if (!within) throw domain::invalid("required", "within", "请指定导入到哪个组织", "the organisation to import into is required");
  return registry.Organisation(actor, *within);
}

// Thrown inside the write transaction to roll it back when rows have errors and the caller
// did not choose to skip them.
struct RollBack {};

// Pass 2: every row judged against what is stored (and, committing, stored).
class Batch {
 public:
  Batch(Registry& registry, const Actor& actor, Prepared& prepared, const OrganisationDetail& root,
        ImportReport& report, const ImportProgress& progress)
      : registry_(registry), actor_(actor), p_(prepared), root_(root), report_(report), progress_(progress) {
    std::vector<std::string_view> ids;
    ids.reserve(p_.drafts.size());
    for (const auto& d : p_.drafts)
      if (!d.id.value.empty()) ids.push_back(d.id.value);
    std::sort(ids.begin(), ids.end());
    for (std::size_t i = 1; i < ids.size(); ++i)
      if (ids[i] == ids[i - 1]) repeated_.insert(ids[i]);
  }

  // Judges every row against what is stored; with `tx` writable and `options`, stores the valid ones.
  void run(const storage::ReadTx& tx, const storage::WriteTx* write, const CommitOptions* options) {
    storage::PersonRepository people(tx);
    AppointmentBatch staffing(tx);
    const bool may_override = options && options->override_reason &&
                              (actor_.role == domain::Role::kSystemAdmin || actor_.role == domain::Role::kFederationAdmin);
    const std::string now = domain::utc_timestamp_now();
    const int total = static_cast<int>(p_.drafts.size());
    report_.results.reserve(report_.results.size() + p_.drafts.size());
    if (write) audit_.emplace(*write, actor_);
    {  // who is registered already, asked for all rows at once
      std::vector<std::string_view> ids;
      ids.reserve(p_.drafts.size());
      for (const auto& d : p_.drafts)
        if (d.errors.empty() && !d.id.value.empty()) ids.push_back(d.id.value);
      std::sort(ids.begin(), ids.end());
      ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
      const storage::ImportRepository imports(tx);
      registered_ = imports.people_by_id_number(ids);
      // and the positions they hold, if the rows appoint
      if (p_.has_positions) {
        std::vector<domain::PersonId> people;
        people.reserve(registered_.size());
        for (const auto& [id_number, person] : registered_) people.push_back(person);
        std::sort(people.begin(), people.end());
        positions_before_ = imports.positions_of_people(people);
      }
    }
    read_ahead(tx, staffing);
    if (p_.has_positions)  // only women registered before can hold another role there already
      for (const auto& d : p_.drafts) {
        if (!d.errors.empty() || !d.role || !registered_.contains(d.id.value)) continue;
        auto body = p_.bodies.find(d.organisation_text.value_or(""));
        if (body != p_.bodies.end())
          if (const auto* b = std::get_if<BodyRef>(&body->second)) listed_.emplace(d.id.value, b->id, *d.role);
      }
    int done = 0;
    for (auto& d : p_.drafts) {
      if (progress_ && ++done % kProgressEvery == 0) progress_(done, total);
      ++report_.rows;
      ImportRow r;
      r.row = d.row;
      r.name = d.name;
      if (d.errors.empty()) judge(d, r, people, staffing, may_override ? options : nullptr);
      if (!d.errors.empty()) {
        if (!repeated_.contains(d.id.value)) persons_.erase(d.id.value);
        r.outcome = RowOutcome::kError;
        if (p_.has_positions) {  // what she wrote, so that she sees which row it is
          r.organisation = d.organisation_text;
          if (d.role) r.role_label = label_of(p_.entries, DictionaryKind::kRole, *d.role);
        }
        ++report_.invalid;
        report_.errors.insert(report_.errors.end(), std::make_move_iterator(d.errors.begin()),
                              std::make_move_iterator(d.errors.end()));
        report_.results.push_back(std::move(r));
        let_go(d);
        continue;
      }
      ++report_.valid;
      r.outcome = r.creates_person ? RowOutcome::kCreate
                  : (!r.person_changes.empty() || r.creates_position || r.corrects_position) ? RowOutcome::kUpdate
                                                                                             : RowOutcome::kUnchanged;
      report_.created_people += r.creates_person;
      report_.updated_people += !r.person_changes.empty();
      report_.created_positions += r.creates_position;
      report_.updated_positions += r.corrects_position != 0;
      report_.unchanged += r.outcome == RowOutcome::kUnchanged;
      if (write) store(*write, d, r, now, options);
      if (!repeated_.contains(d.id.value)) persons_.erase(d.id.value);
      else if (r.creates_person) persons_.at(d.id.value).pending = true;  // her later rows: created already
      report_.results.push_back(std::move(r));
      let_go(d);
    }
    if (write) flush(*write);
    if (audit_) audit_->flush();
    if (progress_) progress_(total, total);
  }

  // The batch's own audit record and the bodies it changed.
  void finish(const storage::WriteTx& tx, const CommitOptions& options) {
    ChangeSet c;
    c.created("file_name", report_.file_name).created("sha256", report_.sha256).created("kind", std::string("roster"))
        .created("rows", report_.rows).created("valid", report_.valid).created("invalid", report_.invalid)
        .created("skipped", report_.invalid).created("created_people", report_.created_people)
        .created("updated_people", report_.updated_people).created("created_positions", report_.created_positions)
        .created("updated_positions", report_.updated_positions).created("unchanged", report_.unchanged);
    if (!overridden_.empty())
      c.created("override_reason", std::string(domain::trim(*options.override_reason))).created("overridden_findings", overridden_);
    record_audit(tx, actor_, {"import", "import", report_.sha256, root_.row.organisation.id}, c);
    std::vector<domain::OrganisationId> ids(gained_.begin(), gained_.end());
    std::map<domain::OrganisationId, std::set<domain::PersonId>> members;
    storage::ComplianceQueries q(tx);
    const domain::Date today = registry_.today();
    for (std::size_t i = 0; i < ids.size(); i += 500) {
      std::vector<domain::OrganisationId> chunk(ids.begin() + i, ids.begin() + std::min(ids.size(), i + 500));
      for (const auto& h : q.held_in(chunk, today)) members[h.organisation_id].insert(h.person_id);
    }
    for (auto id : ids) report_.bodies.push_back({id, body_names_[id], static_cast<int>(members[id].size())});
  }

 private:
  // A judged row's draft keeps only its ID number (repeated_ views it): the rest is memory the
  // report's rows need more (a 100,000-row file: tens of megabytes).
  static void let_go(RowDraft& d) {
    std::string().swap(d.name);
    decltype(d.person_fields)().swap(d.person_fields);
    d.organisation_text.reset();
    decltype(d.errors)().swap(d.errors);
    decltype(d.overridden)().swap(d.overridden);
  }

  void fail(RowDraft& d, const std::string& column, const std::string& code, const std::string& zh,
            const std::string& en) {
    d.errors.push_back({p_.sheet_name, d.row, column, code, zh, en});
  }

  // The bodies and days the rows name, their positions read before the first row is judged:
  // the staffing check then counts what is stored plus the rows accepted, whether those are
  // stored yet or not (they are inserted a few hundred at a time).
  // A stored position's start moved earlier is judged, as the registry's 更正 judges it, on
  // each day it newly covers where a count can rise: those days are read ahead too.
  void read_ahead(const storage::ReadTx& tx, AppointmentBatch& staffing) {
    if (!p_.has_positions) return;
    std::set<std::pair<domain::OrganisationId, domain::Date>> seen;
    std::vector<AppointmentTry> bodies;
    auto add = [&](const BodyRef& body, const domain::Date& day) {
      if (!seen.emplace(body.id, day).second) return;
      AppointmentTry a;
      a.organisation_id = body.id;
      a.type = body.type;
      a.start_on = day;
      bodies.push_back(std::move(a));
    };
    std::optional<std::vector<domain::Date>> rule_changes;
    std::map<domain::OrganisationId, std::vector<domain::Date>> start_days;
    for (const auto& d : p_.drafts) {
      if (!d.errors.empty() || !d.role) continue;
      const auto& body = std::get<BodyRef>(p_.bodies.at(d.organisation_text.value_or("")));
      add(body, d.start_on);
      const storage::HeldBefore* h = held_before(d, body);
      if (!h || !moves_start(d, *h) || !(d.start_on < h->start_on)) continue;
      if (!rule_changes) rule_changes = rule_set_changes(tx);
      auto days = start_days.find(body.id);
      if (days == start_days.end()) {
        days = start_days.emplace(body.id, storage::ComplianceQueries(tx).start_days(body.id)).first;
        days->second.insert(days->second.end(), rule_changes->begin(), rule_changes->end());
      }
      auto& judged = moved_days_[d.row];
      judged = domain::dates_to_judge({domain::DaySpan{d.start_on, h->start_on}}, days->second);
      for (const auto& day : judged) add(body, day);
    }
    staffing.read_ahead(bodies);
  }

  // Her position before this batch that the row names, if she was registered.
  const storage::HeldBefore* held_before(const RowDraft& d, const BodyRef& body) const {
    auto person = registered_.find(d.id.value);
    if (person == registered_.end()) return nullptr;
    auto held = positions_before_.find(person->second);
    return held == positions_before_.end() ? nullptr : held_there(held->second, body.id, d);
  }

  // The people and positions waiting to be inserted, then their audit records in row order.
  void flush(const storage::WriteTx& tx) {
    if (pending_.order.empty()) return;
    const storage::RegistryInserts inserts(tx);
    const domain::OrganisationId within = root_.row.organisation.id;
    std::unordered_map<domain::PersonId, domain::PersonId> real_ids;  // stand-in → stored
    if (!pending_.people.empty()) {
      const auto ids = inserts.insert_people(pending_.people, within, pending_.now);
      for (auto& p : pending_.people) {
        const domain::PersonId id = ids.at(p.id_number);
        real_ids.emplace(p.id, id);
        p.id = id;
        if (auto s = persons_.find(p.id_number); s != persons_.end() && s->second.person.id < 0) s->second.person.id = id;
      }
    }
    for (auto& p : pending_.positions)
      if (p.position.person_id < 0) p.position.person_id = real_ids.at(p.position.person_id);
    std::vector<domain::Position> positions;
    positions.reserve(pending_.positions.size());
    for (const auto& p : pending_.positions) positions.push_back(p.position);
    const auto position_ids = inserts.insert_positions(positions, pending_.now);
    for (const auto& [is_person, index] : pending_.order) {
      if (is_person) {
        const domain::Person& p = pending_.people[index];
        audit_->record({"create", "person", std::to_string(p.id), within, p.id}, person_registered(p));
        continue;
      }
      const PendingPosition& pp = pending_.positions[index];
      const domain::Position& p = pp.position;
      ChangeSet c;
      c.created("person_id", p.person_id).created("organisation_id", p.organisation_id).created("role", p.role)
          .created("manner", p.manner).created("source", p.source).created("start_on", p.start_on)
          .created("import", report_.sha256);
      if (!pp.overridden.empty())
        c.created("override_reason", pending_.override_reason).created("overridden_findings", pp.overridden);
      audit_->record({"create", "position", std::to_string(position_ids[index]), p.organisation_id, p.person_id}, c);
    }
    pending_.people.clear();
    pending_.positions.clear();
    pending_.order.clear();
  }

  PersonState& person_of(const RowDraft& d, const storage::PersonRepository& people) {
    auto it = persons_.find(d.id.value);
    if (it != persons_.end()) return it->second;
    PersonState s;
    // registered_ was read before the first row: a woman this batch registers is in persons_
    // for her later rows (her ID number is repeated), so it never needs to know of her
    if (auto registered = registered_.find(d.id.value); registered != registered_.end()) {
      const std::optional<domain::PersonId> id = registered->second;
      s.person.id = *id;
      s.stored = true;
      if (auto found = people.find(actor_.scope, *id)) {
        s.person = *found;
        s.in_scope = true;
      } else {
        s.person.id = *id;  // registered elsewhere: appointed, not edited
      }
    } else {
      s.person.id = --next_new_id_;
      s.person.id_number = d.id.value;
      s.person.birth_date = d.id.birth_date;
      s.person.sex = d.id.sex;
    }
    s.staffing_id = s.person.id;
    return persons_.emplace(d.id.value, std::move(s)).first->second;
  }

  static bool open_on(const storage::HeldBefore& h, const domain::Date& day) { return !h.end_on || *h.end_on > day; }

  // The position of hers the row names (body and role), open on its start: the one that began
  // when the 任职时间 says, else the one not ended, else the first.
  static const storage::HeldBefore* held_there(const std::vector<storage::HeldBefore>& before,
                                               domain::OrganisationId body, const RowDraft& d) {
    const storage::HeldBefore* found = nullptr;
    for (const auto& h : before) {
      if (h.organisation_id != body || h.role != *d.role || !open_on(h, d.start_on)) continue;
      if (d.start_typed && domain::import::agrees({d.start_on, *d.start_typed}, h.start_on)) return &h;
      if (!found || (found->end_on && !h.end_on)) found = &h;
    }
    return found;
  }

  // A 任职时间 that says another day than the stored start (1980.01 agrees with any day of that
  // month); a blank cell changes nothing.
  static bool moves_start(const RowDraft& d, const storage::HeldBefore& h) {
    return d.start_typed && !domain::import::agrees({d.start_on, *d.start_typed}, h.start_on);
  }

  static AppointmentTry appointment_at(const BodyRef& body, const RowDraft& d, const PersonState& s) {
    AppointmentTry a;
    a.organisation_id = body.id;
    a.type = body.type;
    a.parent_id = body.parent_id;
    a.role = *d.role;
    a.person_id = s.staffing_id;
    a.start_on = d.start_on;
    return a;
  }

  // Whether the staffing rules admit her on the appointment's start day (or on each of `days`:
  // the first that refuses is named). Refused, the row's error says why; an administrator's
  // reason lets the refusal through, kept with the row.
  bool admitted(RowDraft& d, AppointmentBatch& staffing, const AppointmentTry& a, const CommitOptions* overriding,
                const std::vector<domain::Date>* days = nullptr) {
    std::vector<domain::staffing::Finding> refusals;
    std::string on;
    if (!days) refusals = staffing.refusals(a);
    for (std::size_t i = 0; days && i < days->size() && refusals.empty(); ++i) {
      AppointmentTry that_day = a;
      that_day.start_on = (*days)[i];
      refusals = staffing.refusals(that_day);
      if (!refusals.empty() && that_day.start_on != a.start_on) on = that_day.start_on.iso() + "起";
    }
    if (!refusals.empty() && !overriding) {
      fail(d, p_.role_heading, "staffing_rule_broken",
           on + finding_texts(refusals) + "：超出配备标准，请核对名单；管理员可填写越过理由后导入",
           "breaks the staffing rules");
      return false;
    }
    for (const auto& f : refusals)
      d.overridden.push_back(f.rule_set.code + " v" + std::to_string(f.rule_set.version) + " " + f.rule + ": " +
                             f.message_zh);
    return true;
  }

  void judge(RowDraft& d, ImportRow& r, const storage::PersonRepository& people, AppointmentBatch& staffing,
             const CommitOptions* overriding) {
    PersonState& s = person_of(d, people);
    r.creates_person = !s.stored && !s.pending;
    if (s.stored && s.in_scope) {
      domain::Person after = s.person;
      apply_fields(after, d);
      auto shown = [&](const std::optional<std::string>& v, std::optional<DictionaryKind> kind) {
        if (!v) return std::string();
        return kind ? label_of(p_.entries, *kind, *v) : *v;
      };
      auto compare = [&](const char* field, const std::optional<std::string>& a, const std::optional<std::string>& b,
                         std::optional<DictionaryKind> kind = std::nullopt) {
        if (a != b) r.person_changes.push_back({field, shown(a, kind), shown(b, kind)});
      };
      if (s.person.name != after.name) r.person_changes.push_back({"name", s.person.name, after.name});
      compare("ethnicity", s.person.ethnicity, after.ethnicity, DictionaryKind::kEthnicity);
      compare("political_status", s.person.political_status, after.political_status, DictionaryKind::kPoliticalStatus);
      compare("education", s.person.education, after.education, DictionaryKind::kEducation);
      compare("work_unit", s.person.work_unit, after.work_unit);
      compare("job_title", s.person.job_title, after.job_title);
      // a stored number masked, as every answer has it (the new one is hers, from her file)
      auto compare_phone = [&](const char* field, const std::optional<std::string>& a, const std::optional<std::string>& b) {
        if (a != b) r.person_changes.push_back({field, a ? domain::mask_phone(*a) : std::string(), b.value_or("")});
      };
      compare_phone("mobile", s.person.mobile, after.mobile);
      compare_phone("office_phone", s.person.office_phone, after.office_phone);
      compare("notes", s.person.notes, after.notes);
    }
    if (!p_.has_positions || !d.role) return;
    const auto& body = std::get<BodyRef>(p_.bodies.at(d.organisation_text.value_or("")));
    r.organisation = body.name;
    r.role_label = label_of(p_.entries, DictionaryKind::kRole, *d.role);
    const auto key = std::tuple{d.id.value, body.id, *d.role};
    if (held_.contains(key)) return;
    const std::vector<storage::HeldBefore>* before = nullptr;
    if (s.stored && s.person.id > 0)  // one created by this batch has only the positions in held_
      if (auto found = positions_before_.find(s.person.id); found != positions_before_.end()) before = &found->second;
    if (before) {
      if (const storage::HeldBefore* h = held_there(*before, body.id, d)) {
        // held already: the row may correct how she serves (an exported roster edited)
        if (moves_start(d, *h)) {
          if (d.start_on < h->start_on) {  // counted on days she was not: judged on them
            const AppointmentTry a = appointment_at(body, d, s);
            auto days = moved_days_.find(d.row);
            if (!admitted(d, staffing, a, overriding, days == moved_days_.end() ? nullptr : &days->second)) return;
            staffing.accept(a, h->start_on);
          }
          r.position_changes.push_back({"start_on", h->start_on.iso(), d.start_on.iso()});
        }
        if (*d.manner != h->manner)
          r.position_changes.push_back({"manner", label_of(p_.entries, DictionaryKind::kManner, h->manner),
                                        label_of(p_.entries, DictionaryKind::kManner, *d.manner)});
        if (d.source && d.source != h->source)  // a blank 来源 never clears, as a person's blank cell
          r.position_changes.push_back(
              {"source", h->source ? label_of(p_.entries, DictionaryKind::kSource, *h->source) : std::string(),
               label_of(p_.entries, DictionaryKind::kSource, *d.source)});
        if (!r.position_changes.empty()) r.corrects_position = h->id;
        return;
      }
      // Another role of hers in that body that the file does not list: the row is her new role
      // (the 妇联职务 cell of an exported roster edited). An import appoints; it does not end a
      // position, so a second role there would be kept beside the first without a word.
      for (const auto& h : *before) {
        if (h.organisation_id != body.id || h.role == *d.role || !open_on(h, d.start_on)) continue;
        if (listed_.contains(std::tuple{d.id.value, body.id, h.role})) continue;
        const std::string held_label = label_of(p_.entries, DictionaryKind::kRole, h.role);
        fail(d, p_.role_heading, "role_held_already",
             "她在" + body.name + "已任" + held_label + "：改任职务请先在名册中结束或更正原职务，再导入；"
             "如两个职务都要保留，请在表中各写一行",
             "she holds another role (" + held_label + ") in this body: end or correct it in the registry first, "
             "or list both roles");
        return;
      }
    }
    const AppointmentTry a = appointment_at(body, d, s);
    if (!admitted(d, staffing, a, overriding)) return;
    staffing.accept(a);
    if (repeated_.contains(d.id.value)) held_.insert(key);  // only her later rows can hold it again
    r.creates_position = true;
  }

  void store(const storage::WriteTx& tx, const RowDraft& d, const ImportRow& r, const std::string& now,
             const CommitOptions* options) {
    PersonState& s = persons_.at(d.id.value);
    const domain::OrganisationId within = root_.row.organisation.id;
    pending_.now = now;
    if (r.creates_person) {  // inserted with the next few hundred (her id a stand-in till then)
      domain::Person p = s.person;
      apply_fields(p, d);
      pending_.order.emplace_back(true, pending_.people.size());
      pending_.people.push_back(p);
      s.person = std::move(p);
      s.stored = s.in_scope = true;
    } else if (!r.person_changes.empty()) {
      flush(tx);  // her id if she is new, and the records of the rows before in their order
      storage::PersonRepository people(tx);
      domain::Person after = s.person;
      apply_fields(after, d);
      people.update(after, now);
      audit_->record({"update", "person", std::to_string(after.id), within, after.id}, person_diff(s.person, after));
      s.person = after;
    }
    if (r.corrects_position) correct_position(tx, d, r, now, options);
    if (!r.creates_position) return;
    const auto& body = std::get<BodyRef>(p_.bodies.at(d.organisation_text.value_or("")));
    domain::Position p;
    p.person_id = s.person.id;
    p.organisation_id = body.id;
    p.role = *d.role;
    p.manner = *d.manner;
    p.source = d.source;
    p.start_on = d.start_on;
    if (!d.overridden.empty()) pending_.override_reason = std::string(domain::trim(*options->override_reason));
    overridden_.insert(overridden_.end(), d.overridden.begin(), d.overridden.end());
    pending_.order.emplace_back(false, pending_.positions.size());
    pending_.positions.push_back({std::move(p), d.overridden});
    gained_.insert(body.id);
    body_names_[body.id] = body.name;
    if (pending_.people.size() >= storage::RegistryInserts::kRowsPerInsert ||
        pending_.positions.size() >= storage::RegistryInserts::kRowsPerInsert)
      flush(tx);
  }

  // Her 任职时间, 任职方式 or 来源 in the position she holds there, as the row has them: a correction
  // of the position (as the registry's 更正 records it), the import's file named as its reason.
  void correct_position(const storage::WriteTx& tx, const RowDraft& d, const ImportRow& r, const std::string& now,
                        const CommitOptions* options) {
    flush(tx);  // the records of the rows before, in their order
    storage::PositionRepository positions(tx);
    const auto row = positions.find(actor_.scope, r.corrects_position);
    if (!row) return;  // read in this transaction's own snapshot a moment ago: cannot happen
    const domain::Position& before = row->position;
    domain::Position after = before;
    after.manner = *d.manner;
    if (d.source) after.source = d.source;
    for (const auto& change : r.position_changes)
      if (change.field == "start_on") after.start_on = d.start_on;
    positions.update(after, now);
    ChangeSet c;
    c.add("start_on", before.start_on, after.start_on).add("manner", before.manner, after.manner)
        .add("source", before.source, after.source);
    c.created("reason", "导入：" + report_.file_name).created("import", report_.sha256);
    if (!d.overridden.empty()) {
      c.created("override_reason", std::string(domain::trim(*options->override_reason)))
          .created("overridden_findings", d.overridden);
      overridden_.insert(overridden_.end(), d.overridden.begin(), d.overridden.end());
    }
    audit_->record({"correct", "position", std::to_string(before.id), before.organisation_id, before.person_id}, c);
    gained_.insert(before.organisation_id);
    body_names_[before.organisation_id] = *r.organisation;
  }

  struct PendingPosition {
    domain::Position position;  // person_id a stand-in (< 0) for a person pending too
    std::vector<std::string> overridden;
  };
  // Committing: what the rows judged so far create, not inserted yet.
  struct Pending {
    std::vector<domain::Person> people;  // ids: stand-ins (< 0)
    std::vector<PendingPosition> positions;
    std::vector<std::pair<bool, std::size_t>> order;  // (a person?, index): the rows' changes in order
    std::string now, override_reason;
  };

  Registry& registry_;
  const Actor& actor_;
  Prepared& p_;
  const OrganisationDetail& root_;
  ImportReport& report_;
  const ImportProgress& progress_;
  // By ID number: the people of the row being judged, and those of ID numbers on several rows
  // (the cross-level seat), as this batch has left them; the others are let go row by row.
  std::unordered_map<std::string, PersonState> persons_;
  std::unordered_set<std::string_view> repeated_;  // views of the drafts' ID numbers
  domain::PersonId next_new_id_ = 0;               // a dry run's stand-ins for people not stored yet
  std::set<std::tuple<std::string, domain::OrganisationId, std::string>> held_;  // positions this batch adds
  std::set<domain::OrganisationId> gained_;
  std::map<domain::OrganisationId, std::string> body_names_;
  std::vector<std::string> overridden_;
  std::optional<AuditBatch> audit_;  // committing: the rows' records
  Pending pending_;
  std::unordered_map<std::string, domain::PersonId> registered_;  // ID number → person, before this batch
  // their positions before this batch (member sheets only)
  std::unordered_map<domain::PersonId, std::vector<storage::HeldBefore>> positions_before_;
  // The days a start moved earlier is judged on, by the row (read ahead with the bodies)
  std::unordered_map<std::uint32_t, std::vector<domain::Date>> moved_days_;
  // (ID number, body, role) of every row that reads well: the roles the file lists for each woman
  std::set<std::tuple<std::string, domain::OrganisationId, std::string>> listed_;
};

}  // namespace

NotImported why_not_imported(const ImportReport& report, bool skip_invalid) {
  const std::string rows = std::to_string(report.invalid);
  if (skip_invalid && report.valid == 0)
    return {"import_nothing_valid",
            "未导入任何数据：全部" + rows + "行都有错误，跳过错误行后没有可导入的行；请按错误说明修改后重新上传",
            "nothing was imported: all " + rows + " rows have errors, so skipping them left no row to store"};
  return {"import_has_errors", "有" + rows + "行存在错误，未导入任何数据；请修改后重新上传，或选择跳过错误行",
          "some rows have errors: nothing was stored"};
}

ImportReport Importing::DryRun(const Actor& actor, const std::string& bytes, const std::string& file_name,
                               std::optional<domain::OrganisationId> within, const ImportProgress& progress) {
  ImportReport report;
  const OrganisationDetail root = import_root(registry_, actor, within);
  Prepared prepared = prepare(registry_, db_, bytes, file_name, root, report);
  db_.read([&](storage::ReadTx& tx) { Batch(registry_, actor, prepared, root, report, progress).run(tx, nullptr, nullptr); });
  return report;
}

ImportReport Importing::Commit(const Actor& actor, const std::string& bytes, const std::string& file_name,
                               std::optional<domain::OrganisationId> within, const CommitOptions& options,
                               const ImportProgress& progress) {
  if (options.override_reason) {
    if (actor.role != domain::Role::kSystemAdmin && actor.role != domain::Role::kFederationAdmin)
      throw domain::DomainError(domain::ErrorKind::kForbidden, "override_not_allowed", "override_reason",
                                "只有管理员可以越过配备标准导入", "only an administrator may override the staffing rules");
    const auto reason = domain::trim(*options.override_reason);
    if (reason.empty() || reason.size() > 600)
      throw domain::invalid("override_reason", "override_reason", "请填写越过配备标准的理由（200字以内）",
                            "give a reason of at most 200 characters for overriding the staffing rules");
  }
  ImportReport report;
  const OrganisationDetail root = import_root(registry_, actor, within);
  Prepared prepared = prepare(registry_, db_, bytes, file_name, root, report);
  // Refused (nothing written, the batch not audited) when a row has errors and she did not
  // choose to skip them, or when skipping them leaves no row to store (as for the archives).
  const auto faulty = [](const RowDraft& d) { return !d.errors.empty(); };
  const bool refused_early =
      options.skip_invalid ? !prepared.drafts.empty() && std::all_of(prepared.drafts.begin(), prepared.drafts.end(), faulty)
                           : std::any_of(prepared.drafts.begin(), prepared.drafts.end(), faulty);
  if (refused_early) {  // no need to write what would be rolled back
    db_.read([&](storage::ReadTx& tx) { Batch(registry_, actor, prepared, root, report, progress).run(tx, nullptr, nullptr); });
    return report;
  }
  try {
    db_.write([&](storage::WriteTx& tx) {
      {
        Batch batch(registry_, actor, prepared, root, report, progress);
        batch.run(tx, &tx, &options);
        if (report.invalid > 0 && (!options.skip_invalid || report.valid == 0)) throw RollBack{};
        batch.finish(tx, options);
      }
      // The drafts (a few hundred bytes a row) go before on_stored turns the report's rows into
      // records: a server's peak was the two together (100,000 rows: 30 MB of drafts).
      std::vector<RowDraft>().swap(prepared.drafts);
      report.committed = true;
      if (options.on_stored) options.on_stored(tx, report);
    });
  } catch (const RollBack&) {
    report.committed = false;
    report.bodies.clear();
  }
  return report;
}

}  // namespace jinguo::services
