#include "services/importing.h"

#include <algorithm>
#include <map>
#include <set>
#include <variant>

#include "documents/spreadsheet.h"
#include "domain/access/access.h"
#include "domain/access/masking.h"
#include "domain/error.h"
#include "domain/import/columns.h"
#include "domain/import/values.h"
#include "services/crypto.h"

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
  std::map<std::string, std::string> person_fields;  // field → normalised value (codes for dictionaries)
  std::optional<std::string> organisation_text;      // as typed, or the division code
  std::optional<std::string> role, manner, source;
  domain::Date start_on;
  std::vector<ImportError> errors;
};

bool masked(const std::string& text) { return text.find('*') != std::string::npos; }

// The sheet to import: the first visible one with a heading naming at least a name and an ID number.
struct Chosen {
  const documents::Sheet* sheet = nullptr;
  std::vector<domain::import::TextRow> rows;
  domain::import::Header header;
};

Chosen choose_sheet(const documents::Workbook& book, std::vector<std::string>& warnings) {
  Chosen chosen;
  for (const auto& sheet : book.sheets) {
    if (sheet.hidden) continue;
    auto rows = text_rows(sheet);
    auto header = domain::import::find_header(rows);
    if (!header || !header->column_of(ColumnKey::kName) || !header->column_of(ColumnKey::kIdNumber)) continue;
    if (chosen.sheet) {
      warnings.push_back("工作表“" + sheet.name + "”也有名单，本次只预览第一个工作表“" + chosen.sheet->name + "”");
      continue;
    }
    chosen = {&sheet, std::move(rows), std::move(*header)};
  }
  if (!chosen.sheet)
    throw domain::invalid("import_no_header", "file", "未找到表头：请确认表格中有“姓名”“身份证号”两列的列名",
                          "no heading row with a name and an ID number column was found");
  return chosen;
}

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
      fail(d, ColumnKey::kIdNumber, {"id_number_masked", "身份证号已打码：请导出完整号码（勾选“完整身份证号”）后再导入",
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
        fail(d, ColumnKey::kSex, {"id_number_sex_mismatch", "性别与身份证号不符", "the sex disagrees with the ID number"});
    }
    if (auto birth = value(row, ColumnKey::kBirthDate)) {
      auto b = domain::import::normalise_date(*birth, date1904_);
      if (auto* e = std::get_if<ValueError>(&b)) fail(d, ColumnKey::kBirthDate, *e);
      else if (have_id && !agrees(std::get<domain::import::DateValue>(b), d.id.birth_date))
        fail(d, ColumnKey::kBirthDate,
             {"id_number_birth_date_mismatch", "出生日期与身份证号不符", "the birth date disagrees with the ID number"});
    }
    dictionary(d, row, ColumnKey::kEthnicity, DictionaryKind::kEthnicity, "ethnicity");
    dictionary(d, row, ColumnKey::kPoliticalStatus, DictionaryKind::kPoliticalStatus, "political_status");
    dictionary(d, row, ColumnKey::kEducation, DictionaryKind::kEducation, "education");
    text(d, row, ColumnKey::kWorkUnit, "work_unit", 100);
    if (!header_.column_of(ColumnKey::kWorkUnit)) text(d, row, ColumnKey::kWorkUnitAndTitle, "work_unit", 100);
    text(d, row, ColumnKey::kJobTitle, "job_title", 100);
    text(d, row, ColumnKey::kNotes, "notes", 1000);
    phone(d, row, ColumnKey::kMobile, "mobile");
    phone(d, row, ColumnKey::kOfficePhone, "office_phone");
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
  static bool agrees(const domain::import::DateValue& typed, const domain::Date& birth) {
    switch (typed.precision) {
      case domain::import::DatePrecision::kDay: return typed.date == birth;
      case domain::import::DatePrecision::kMonth:
        return typed.date.year() == birth.year() && typed.date.month() == birth.month();
      case domain::import::DatePrecision::kYear: return typed.date.year() == birth.year();
    }
    return false;
  }
  std::optional<std::string> code_of(RowDraft& d, std::uint32_t row, ColumnKey key, DictionaryKind kind) const {
    auto v = value(row, key);
    if (!v) return std::nullopt;
    auto matched = domain::import::match_dictionary(*v, kind, by_kind_.at(kind));
    if (auto* e = std::get_if<ValueError>(&matched)) {
      fail(d, key, *e);
      return std::nullopt;
    }
    return std::get<std::string>(matched);
  }
  void dictionary(RowDraft& d, std::uint32_t row, ColumnKey key, DictionaryKind kind, const char* field) const {
    if (auto code = code_of(d, row, key, kind)) d.person_fields[field] = *code;
  }
  void text(RowDraft& d, std::uint32_t row, ColumnKey key, const char* field, std::size_t max) const {
    auto v = value(row, key);
    if (!v) return;
    std::string t = domain::import::clean_text(domain::import::cell_text(*v));
    try {
      domain::validate_free_text(field, t, max);
      d.person_fields[field] = t;
    } catch (const domain::DomainError& e) {
      fail(d, key, {e.code(), e.message_zh(), e.message_en()});
    }
  }
  void phone(RowDraft& d, std::uint32_t row, ColumnKey key, const char* field) const {
    auto v = value(row, key);
    if (!v || masked(domain::import::cell_text(*v))) return;  // a masked export leaves the stored number alone
    auto p = domain::import::normalise_phone(*v);
    if (auto* e = std::get_if<ValueError>(&p)) return fail(d, key, *e);
    const auto& number = std::get<domain::import::PhoneNumber>(p);
    if (key == ColumnKey::kMobile && !number.mobile)
      return fail(d, key, {"mobile_format", "手机号应为11位数字，以13–19开头；固定电话请填在“办公电话”列",
                           "a mobile number has 11 digits; a landline goes into the office phone column"});
    d.person_fields[field] = number.text;
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
      if (auto* e = std::get_if<ValueError>(&s)) fail(d, ColumnKey::kStartOn, *e);
      else if (std::get<domain::import::DateValue>(s).date > today_)
        fail(d, ColumnKey::kStartOn, {"date_in_future", "任职时间不能晚于今天", "the start date is in the future"});
      else d.start_on = std::get<domain::import::DateValue>(s).date;
    }
  }

  const documents::Sheet& sheet_;
  const domain::import::Header& header_;
  bool date1904_;
  std::map<DictionaryKind, std::vector<domain::DictionaryEntry>> by_kind_;  // active entries
  domain::Date today_;
};

// The body a row names: a path ending in its name (呼兰区妇联/二八镇妇联), a name unique in
// the subtree, or a division code; never outside `within`.
using BodyOrError = std::variant<OrganisationDetail, ValueError>;

BodyOrError find_body(Registry& registry, const Actor& actor, const std::string& text, domain::OrganisationId within) {
  std::vector<std::string> parts;  // 呼兰区妇联/二八镇妇联, also with ／ or spaces around the slashes
  const std::string path = domain::import::to_half_width(text);
  for (std::size_t start = 0; start <= path.size();) {
    auto slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    std::string part = domain::import::clean_text(std::string_view(path).substr(start, slash - start));
    if (!part.empty()) parts.push_back(part);
    start = slash + 1;
  }
  if (parts.empty()) return ValueError{"organisation_unknown", "请填写任职的组织", "the organisation is missing"};
  const bool code = parts.size() == 1 && parts[0].size() == 12 &&
                    parts[0].find_first_not_of("0123456789") == std::string::npos;
  storage::PageSpec page;
  page.page_size = 200;
  auto found = registry.SearchOrganisations(actor, code ? std::string() : parts.back(), within, std::nullopt, page);
  std::vector<OrganisationDetail> matches;
  for (auto& d : found.items) {
    const auto& o = d.row.organisation;
    if (!o.is_open()) continue;
    if (code ? o.division_code != parts[0] : o.name != parts.back()) continue;
    if (!code) {  // the path's earlier parts name its ancestors, nearest last
      bool agrees = parts.size() <= d.path.size();
      for (std::size_t i = 0; agrees && i + 1 < parts.size(); ++i)
        agrees = d.path[d.path.size() - parts.size() + i].name == parts[i];
      if (!agrees) continue;
    }
    matches.push_back(std::move(d));
  }
  if (matches.empty())
    return ValueError{"organisation_unknown", "本单位范围内没有名为“" + text + "”的组织，请核对名称或写出路径",
                      "no organisation of that name in your subtree"};
  if (matches.size() > 1)
    return ValueError{"organisation_ambiguous",
                      "本单位范围内有" + std::to_string(matches.size()) + "个名为“" + parts.back() +
                          "”的组织，请写出路径，如“" + matches[0].path[matches[0].path.size() - 2].name + "/" +
                          parts.back() + "”",
                      "several organisations have that name: write its path"};
  return std::move(matches.front());
}

}  // namespace

CellValue import_value_of(const documents::Cell& cell) {
  switch (cell.kind) {
    case documents::CellKind::kText: return CellValue::of_text(cell.text);
    case documents::CellKind::kNumber: return CellValue::of_number(cell.number, cell.date_formatted);
    case documents::CellKind::kBool: return CellValue::of_text(cell.number != 0 ? "TRUE" : "FALSE");
    case documents::CellKind::kError: return CellValue{CellValue::Kind::kError, cell.text, 0, false};
    case documents::CellKind::kEmpty: break;
  }
  return {};
}

std::vector<domain::import::TextRow> text_rows(const documents::Sheet& sheet) {
  std::vector<domain::import::TextRow> rows;
  rows.reserve(sheet.rows.size());
  for (const auto& row : sheet.rows) {
    domain::import::TextRow r{row.number, {}};
    for (const auto& cell : row.cells) r.cells.emplace_back(cell.column, domain::import::cell_text(import_value_of(cell)));
    rows.push_back(std::move(r));
  }
  return rows;
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

ImportReport Importing::Commit(const Actor&, const std::string&, const std::string&,
                               std::optional<domain::OrganisationId>, const CommitOptions&, const ImportProgress&) {
  throw domain::invalid("not_implemented", "", "尚未实现", "not implemented yet");  // being written
}

ImportReport Importing::DryRun(const Actor& actor, const std::string& bytes, const std::string& file_name,
                               std::optional<domain::OrganisationId> within, const ImportProgress&) {
  domain::require(actor.role, domain::Permission::kWrite);
  if (!within) within = actor.organisation_id;
  if (!within) throw domain::invalid("required", "within", "请指定导入到哪个组织", "the organisation to import into is required");
  const OrganisationDetail root = registry_.Organisation(actor, *within);  // 404 outside the scope
  ImportReport report;
  report.file_name = file_name;
  report.sha256 = sha256_hex(bytes);
  const documents::Workbook book = documents::read_spreadsheet(bytes, file_name);
  Chosen chosen = choose_sheet(book, report.warnings);
  const documents::Sheet& sheet = *chosen.sheet;
  report.sheet = sheet.name;
  report.header_row = chosen.header.row_number;
  for (const auto& [column, heading] : chosen.header.unknown)
    report.warnings.push_back("未识别的列“" + heading + "”（第" + std::to_string(column) + "列），将被忽略");
  if (sheet.ignored_cells > 0)
    report.warnings.push_back("表格右侧超出范围的" + std::to_string(sheet.ignored_cells) + "个单元格被忽略");

  const domain::Date today = registry_.today();
  const auto entries = registry_.Dictionary(std::nullopt);
  RowReader reader(sheet, chosen.header, book.date1904, entries, today);
  const auto kinds = domain::import::classify_rows(chosen.rows, chosen.header);

  // Pass 1: each row normalised; the bodies named, found once each.
  std::vector<RowDraft> drafts;
  std::map<std::string, std::uint32_t> first_row_of_id;
  std::map<std::string, BodyOrError> bodies;
  for (std::size_t i = 0; i < chosen.rows.size(); ++i) {
    if (kinds[i] != domain::import::RowKind::kData) continue;
    RowDraft d = reader.read(chosen.rows[i].number);
    if (!d.id.value.empty()) {
      auto [at, fresh] = first_row_of_id.emplace(d.id.value + "|" + d.organisation_text.value_or("") + "|" +
                                                     d.role.value_or(""),
                                                 d.row);
      if (!fresh)
        d.errors.push_back({sheet.name, d.row, "", "duplicate_in_file", "与第" + std::to_string(at->second) + "行重复",
                            "repeats row " + std::to_string(at->second)});
    }
    if (reader.has_positions()) {
      std::string key = d.organisation_text.value_or("");
      if (!bodies.contains(key))
        bodies.emplace(key, key.empty() ? BodyOrError(root) : find_body(registry_, actor, key, *within));
      const auto& body = bodies.at(key);
      if (const auto* e = std::get_if<ValueError>(&body)) {
        d.errors.push_back({sheet.name, d.row, reader.heading(ColumnKey::kOrganisation),
                            e->code, e->message_zh, e->message_en});
      } else if (d.role) {
        const auto& o = std::get<OrganisationDetail>(body).row.organisation;
        const auto role = std::find_if(entries.begin(), entries.end(), [&](const auto& e) {
          return e.kind == DictionaryKind::kRole && e.code == *d.role;
        });
        if (role != entries.end() && !domain::role_allowed_in(*role, o.type))
          d.errors.push_back({sheet.name, d.row, reader.heading(ColumnKey::kRole),
                              "role_not_allowed",
                              role->label + "不适用于" + std::string(domain::body_type_label(o.type)) + "（" + o.name + "）",
                              "the role does not exist in this kind of body"});
      }
    }
    drafts.push_back(std::move(d));
  }

  // Pass 2: matched to what is stored, in one read transaction.
  db_.read([&](storage::ReadTx& tx) {
    storage::PersonRepository people(tx);
    storage::PositionRepository positions(tx);
    for (auto& d : drafts) {
      ++report.rows;
      ImportRow r;
      r.row = d.row;
      r.name = d.name;
      if (!d.errors.empty()) {
        r.outcome = RowOutcome::kError;
        ++report.invalid;
        report.errors.insert(report.errors.end(), d.errors.begin(), d.errors.end());
        report.results.push_back(std::move(r));
        continue;
      }
      ++report.valid;
      std::optional<domain::Person> stored;
      std::optional<domain::PersonId> person_id = people.find_by_id_number(d.id.value);
      if (person_id) stored = people.find(actor.scope, *person_id);  // outside the subtree: appointed, not edited
      if (!person_id) {
        r.creates_person = true;
      } else if (stored) {
        auto compare = [&](const char* field, const std::optional<std::string>& before, DictionaryKind* kind) {
          auto it = d.person_fields.find(field);
          if (it == d.person_fields.end() || (before && *before == it->second)) return;
          auto shown = [&](const std::string& v) { return kind ? label_of(entries, *kind, v) : v; };
          r.person_changes.push_back({field, before ? shown(*before) : "", shown(it->second)});
        };
        DictionaryKind eth = DictionaryKind::kEthnicity, pol = DictionaryKind::kPoliticalStatus,
                       edu = DictionaryKind::kEducation;
        if (stored->name != d.name) r.person_changes.push_back({"name", stored->name, d.name});
        compare("ethnicity", stored->ethnicity, &eth);
        compare("political_status", stored->political_status, &pol);
        compare("education", stored->education, &edu);
        compare("work_unit", stored->work_unit, nullptr);
        compare("job_title", stored->job_title, nullptr);
        compare("mobile", stored->mobile, nullptr);
        compare("office_phone", stored->office_phone, nullptr);
        compare("notes", stored->notes, nullptr);
      }
      if (reader.has_positions() && d.role) {
        const auto& body = std::get<OrganisationDetail>(bodies.at(d.organisation_text.value_or(""))).row.organisation;
        r.organisation = body.name;
        r.role_label = label_of(entries, DictionaryKind::kRole, *d.role);
        bool held = false;
        if (person_id)
          for (const auto& p : positions.of_person(domain::Scope::whole_tree(), *person_id))
            held = held || (p.position.organisation_id == body.id && p.position.role == *d.role &&
                            (!p.position.end_on || *p.position.end_on > d.start_on));
        r.creates_position = !held;
      }
      r.outcome = r.creates_person ? RowOutcome::kCreate
                  : (!r.person_changes.empty() || r.creates_position) ? RowOutcome::kUpdate
                                                                       : RowOutcome::kUnchanged;
      report.created_people += r.creates_person;
      report.updated_people += !r.person_changes.empty();
      report.created_positions += r.creates_position;
      report.unchanged += r.outcome == RowOutcome::kUnchanged;
      report.results.push_back(std::move(r));
    }
  });
  return report;
}

}  // namespace jinguo::services
