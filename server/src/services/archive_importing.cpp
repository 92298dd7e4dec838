#include "services/archive_importing.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <variant>

#include "documents/spreadsheet.h"
#include "domain/access/access.h"
#include "domain/access/masking.h"
#include "domain/archive.h"
#include "domain/clock.h"
#include "domain/error.h"
#include "domain/id_number.h"
#include "domain/import/columns.h"
#include "domain/import/values.h"
#include "domain/person.h"
#include "services/archives.h"
#include "services/audit.h"
#include "services/person_audit.h"
#include "services/crypto.h"
#include "services/import_bodies.h"
#include "storage/archive_repository.h"
#include "storage/repositories.h"

namespace jinguo::services {

namespace {

using domain::import::CellValue;
using domain::import::ColumnKey;
using domain::import::ValueError;

constexpr int kProgressEvery = 200;  // rows between two progress reports

bool is_women(ImportKind kind) { return kind == ImportKind::kOutstandingWomen; }

// The columns a sheet of the kind must name to be taken.
std::vector<ColumnKey> required_columns(ImportKind kind) {
  if (is_women(kind)) return {ColumnKey::kName, ColumnKey::kIdNumber, ColumnKey::kHonour};
  return {ColumnKey::kOrgName};
}

// A sheet of the kind names these columns; none does: the error.
domain::DomainError no_header(ImportKind kind) {
  if (is_women(kind))
    return domain::invalid("import_no_header", "file", "未找到表头：请确认表格中有“姓名”“身份证号”“荣誉称号”三列的列名",
                           "no heading row with name, ID number and honour columns was found");
  return domain::invalid("import_no_header", "file", "未找到表头：请确认表格中有“组织名称”列的列名",
                         "no heading row with an organisation name column was found");
}

// What one data row says, normalised; the errors found on the way.
struct Draft {
  std::uint32_t row = 0;
  std::string name;  // the woman's or the organisation's, for the report
  std::vector<ImportError> errors;
  std::optional<std::string> body_text;  // the body as typed (none: `within`)
  domain::IdNumber id;                   // outstanding women
  domain::OutstandingWoman woman;
  domain::SocialOrganisation social;
};

// Reads and normalises the data rows of the chosen sheet (pure but for `today`).
class RowReader {
 public:
  RowReader(const documents::Sheet& sheet, const domain::import::Header& header, bool date1904, domain::Date today)
      : sheet_(sheet), header_(header), date1904_(date1904), today_(today) {}

  Draft outstanding_woman(std::uint32_t row) const {
    Draft d;
    d.row = row;
    if (auto name = text(row, ColumnKey::kName)) {
      try {
        d.name = domain::normalise_person_name(*name);
      } catch (const domain::DomainError& e) {
        d.name = *name;
        fail(d, ColumnKey::kName, {e.code(), e.message_zh(), e.message_en()});
      }
    } else {
      fail(d, ColumnKey::kName, {"required", "请填写姓名", "the name is missing"});
    }
    if (auto id = value(row, ColumnKey::kIdNumber); !id) {
      fail(d, ColumnKey::kIdNumber, {"required", "请填写身份证号", "the ID number is missing"});
    } else if (domain::import::cell_text(*id).find('*') != std::string::npos) {
      fail(d, ColumnKey::kIdNumber, {"id_number_masked", "身份证号已打码：请导出完整号码后再导入",
                                     "the ID number is masked: export it in full to import it"});
    } else {
      auto parsed = domain::import::normalise_id_number(*id, today_);
      if (auto* e = std::get_if<ValueError>(&parsed)) fail(d, ColumnKey::kIdNumber, *e);
      else d.id = std::get<domain::IdNumber>(parsed);
      if (!d.id.value.empty() && d.id.sex != domain::Sex::kFemale)
        fail(d, ColumnKey::kIdNumber, {"person_not_female", "优秀女性档案只收录女性：该身份证号为男性",
                                       "the archive of outstanding women holds women only: this ID number is a man's"});
    }
    auto& w = d.woman;
    w.honour = text(row, ColumnKey::kHonour).value_or("");
    w.field = text(row, ColumnKey::kField);
    w.notes = text(row, ColumnKey::kNotes);
    if (auto year = value(row, ColumnKey::kYear)) {
      if (auto y = whole_number(*year, "年")) w.year = static_cast<int>(*y);
      else fail(d, ColumnKey::kYear, {"year_invalid", "年份应为四位数字，如2015", "the year is four digits, e.g. 2015"});
    }
    d.body_text = text(row, ColumnKey::kProposedBy);
    try {
      domain::normalise_and_validate(w, today_);
    } catch (const domain::DomainError& e) {
      fail(d, column_of_field(e.field()), {e.code(), e.message_zh(), e.message_en()});
    }
    return d;
  }

  Draft social_organisation(std::uint32_t row) const {
    Draft d;
    d.row = row;
    auto& s = d.social;
    s.name = text(row, ColumnKey::kOrgName).value_or("");
    d.name = s.name;
    s.kind = text(row, ColumnKey::kKind);
    s.field = text(row, ColumnKey::kField);
    s.head_name = text(row, ColumnKey::kHead);
    s.notes = text(row, ColumnKey::kNotes);
    if (auto count = value(row, ColumnKey::kMemberCount)) {
      if (auto n = whole_number(*count, "人")) s.member_count = static_cast<int>(std::min<long long>(*n, 2'000'000'000));
      else fail(d, ColumnKey::kMemberCount, {"member_count_invalid", "成员数应为整数，如36", "the member count is a whole number"});
    }
    if (auto contact = value(row, contact_column())) {
      std::string typed = domain::import::to_half_width(domain::import::cell_text(*contact));
      if (typed.find('*') == std::string::npos) s.contact = std::move(typed);  // masked (an export): left as stored
    }
    if (auto founded = value(row, ColumnKey::kFoundedOn)) {
      auto date = domain::import::normalise_date(*founded, date1904_);
      if (auto* e = std::get_if<ValueError>(&date)) fail(d, ColumnKey::kFoundedOn, *e);
      else s.founded_on = std::get<domain::import::DateValue>(date).date;
    }
    d.body_text = text(row, ColumnKey::kOrganisation);
    try {
      domain::normalise_and_validate(s, today_);
    } catch (const domain::DomainError& e) {
      fail(d, column_of_field(e.field()), {e.code(), e.message_zh(), e.message_en()});
    }
    return d;
  }

  // The heading of a column as the file has it.
  std::string heading(ColumnKey key) const {
    for (const auto& c : header_.columns)
      if (c.key == key) return c.heading;
    return std::string(domain::import::canonical_heading(key));
  }

 private:
  // The template writes the contact phone under 联系电话 (a mobile heading); a sheet may have 办公电话.
  ColumnKey contact_column() const {
    return header_.column_of(ColumnKey::kMobile) ? ColumnKey::kMobile : ColumnKey::kOfficePhone;
  }
  // The column of a field the archive rules name.
  ColumnKey column_of_field(const std::string& field) const {
    static const std::map<std::string, ColumnKey> columns = {
        {"honour", ColumnKey::kHonour},   {"field", ColumnKey::kField},         {"year", ColumnKey::kYear},
        {"notes", ColumnKey::kNotes},     {"name", ColumnKey::kOrgName},        {"kind", ColumnKey::kKind},
        {"head_name", ColumnKey::kHead},  {"member_count", ColumnKey::kMemberCount},
        {"founded_on", ColumnKey::kFoundedOn}};
    if (field == "contact") return contact_column();
    auto it = columns.find(field);
    return it == columns.end() ? ColumnKey::kNotes : it->second;
  }
  std::optional<CellValue> value(std::uint32_t row, ColumnKey key) const {
    auto column = header_.column_of(key);
    if (!column) return std::nullopt;
    CellValue v = import_value_of(sheet_.value_at(row, *column));
    if (domain::import::is_blank(v)) return std::nullopt;
    return v;
  }
  std::optional<std::string> text(std::uint32_t row, ColumnKey key) const {
    auto v = value(row, key);
    if (!v) return std::nullopt;
    return domain::import::clean_text(domain::import::cell_text(*v));
  }
  // A whole number typed as a number or as text, perhaps with a unit (2015年, 36人).
  static std::optional<long long> whole_number(const CellValue& v, std::string_view unit) {
    if (v.kind == CellValue::Kind::kNumber) {
      if (v.number < 0 || v.number > 1e12 || std::floor(v.number) != v.number) return std::nullopt;
      return static_cast<long long>(v.number);
    }
    std::string t = domain::import::to_half_width(domain::import::cell_text(v));
    if (t.ends_with(unit)) t.resize(t.size() - unit.size());
    if (t.empty() || t.size() > 12 || t.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    return std::stoll(t);
  }
  void fail(Draft& d, ColumnKey key, const ValueError& e) const {
    d.errors.push_back({sheet_.name, d.row, heading(key), e.code, e.message_zh, e.message_en});
  }

  const documents::Sheet& sheet_;
  const domain::import::Header& header_;
  bool date1904_;
  domain::Date today_;
};

// An optional field of a row: a blank cell leaves the stored value alone.
template <class T>
void overlay(std::optional<T>& stored, const std::optional<T>& given) {
  if (given) stored = given;
}

std::string shown(const std::optional<std::string>& v) { return v.value_or(""); }
std::string shown(const std::optional<int>& v) { return v ? std::to_string(*v) : ""; }
std::string shown(const std::optional<domain::Date>& v) { return v ? v->iso() : ""; }

template <class T>
void compare(std::vector<FieldChange>& out, const char* field, const std::optional<T>& before,
             const std::optional<T>& after) {
  if (before != after) out.push_back({field, shown(before), shown(after)});
}

// A valid row judged against what is stored: what the commit does with it.
struct Plan {
  std::size_t draft = 0;
  BodyRef body;
  bool creates_person = false;
  std::optional<domain::PersonId> person_id;
  std::optional<domain::OutstandingWoman> stored_woman;
  std::optional<domain::SocialOrganisation> stored_social;
  domain::OutstandingWoman woman;  // as it will be
  domain::SocialOrganisation social;
  bool changes = false;
};

}  // namespace

ArchiveImporting::ArchiveImporting(storage::Database& db, Registry& registry, ImportKind kind)
    : db_(db), registry_(registry), kind_(kind) {
  if (kind != ImportKind::kOutstandingWomen && kind != ImportKind::kSocialOrganisations)
    throw domain::invalid("unknown_import_kind", "kind", "档案导入只适用于优秀女性代表人物和妇女社会组织",
                          "archive imports are of outstanding-women or social-organisations");
}

ImportReport ArchiveImporting::DryRun(const Actor& actor, const std::string& bytes, const std::string& file_name,
                                      std::optional<domain::OrganisationId> within, const ImportProgress& progress) {
  return Run(actor, bytes, file_name, within, nullptr, progress);
}

ImportReport ArchiveImporting::Commit(const Actor& actor, const std::string& bytes, const std::string& file_name,
                                      std::optional<domain::OrganisationId> within, const CommitOptions& options,
                                      const ImportProgress& progress) {
  return Run(actor, bytes, file_name, within, &options, progress);
}

ImportReport ArchiveImporting::Run(const Actor& actor, const std::string& bytes, const std::string& file_name,
                                   std::optional<domain::OrganisationId> within, const CommitOptions* commit,
                                   const ImportProgress& progress) {
  domain::require(actor.role, domain::Permission::kWrite);
  if (!within) within = actor.organisation_id;
  if (!within)
    throw domain::invalid("required", "within", "请指定导入到哪个组织", "the organisation to import into is required");
  const OrganisationDetail root = registry_.Organisation(actor, *within);  // 404 outside the scope
  const bool women = is_women(kind_);
  ImportReport report;
  report.file_name = file_name;
  report.sha256 = sha256_hex(bytes);
  const documents::Workbook book = documents::read_spreadsheet(bytes, file_name);
  const ChosenSheet chosen = choose_sheet(book, required_columns(kind_), no_header(kind_), report);
  const documents::Sheet& sheet = *chosen.sheet;
  const std::vector<domain::import::TextRow> rows = text_rows(sheet);

  // Pass 1, no database: each row read and normalised.
  const domain::Date today = registry_.today();
  RowReader reader(sheet, chosen.header, book.date1904, today);
  const auto kinds = domain::import::classify_rows(rows, chosen.header);
  std::vector<Draft> drafts;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (kinds[i] != domain::import::RowKind::kData) continue;
    const auto number = rows[i].number;
    drafts.push_back(women ? reader.outstanding_woman(number) : reader.social_organisation(number));
  }
  const int total = static_cast<int>(drafts.size());
  const ColumnKey body_column = women ? ColumnKey::kProposedBy : ColumnKey::kOrganisation;

  // Pass 2: matched to what is stored; with a commit, stored, in the same transaction.
  auto judge = [&](const storage::ReadTx& tx) {
    storage::PersonRepository people(tx);
    storage::ArchiveRepository archive(tx);
    std::map<std::string, BodyOrError> bodies;
    std::optional<BodyIndex> index;
    std::map<std::string, std::uint32_t> first_row_of_key;
    std::map<std::string, bool> new_people;  // ID numbers registered by earlier rows of the file
    std::vector<Plan> plans;
    for (std::size_t i = 0; i < drafts.size(); ++i) {
      if (progress && i % kProgressEvery == 0) progress(static_cast<int>(i), total);
      Draft& d = drafts[i];
      Plan plan;
      plan.draft = i;
      if (d.errors.empty()) {
        const std::string key = d.body_text.value_or("");
        if (!bodies.contains(key) && key.empty()) {
          const auto& o = root.row.organisation;
          bodies.emplace(key, BodyRef{o.id, o.type, o.parent_id, o.name});
        } else if (!bodies.contains(key)) {
          if (!index)  // the subtree read once, when a row first names a body
            index.emplace(tx, root, today, [&](const std::string& code) {
              return open_body_with_code(tx, root.row.path, code, today);
            });
          bodies.emplace(key, index->find(key));
        }
        if (const auto* e = std::get_if<ValueError>(&bodies.at(key))) {
          d.errors.push_back({sheet.name, d.row, reader.heading(body_column), e->code, e->message_zh, e->message_en});
        } else {
          plan.body = std::get<BodyRef>(bodies.at(key));
          const std::string entry_key = std::to_string(plan.body.id) + "|" +
                                        (women ? d.id.value + "|" + d.woman.honour : d.social.name);
          auto [at, fresh] = first_row_of_key.emplace(entry_key, d.row);
          if (!fresh)
            d.errors.push_back({sheet.name, d.row, "", "duplicate_in_file", "与第" + std::to_string(at->second) + "行重复",
                                "repeats row " + std::to_string(at->second)});
        }
      }
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
      r.organisation = plan.body.name;
      bool creates = false;
      if (women) {
        plan.person_id = people.find_by_id_number(d.id.value);
        if (!plan.person_id) {
          plan.creates_person = !new_people.contains(d.id.value);
          new_people[d.id.value] = true;
        }
        r.creates_person = plan.creates_person;
        if (plan.person_id)
          if (auto row = archive.outstanding_woman_by_key(*plan.person_id, plan.body.id, d.woman.honour))
            plan.stored_woman = row->entry;
        plan.woman = plan.stored_woman.value_or(d.woman);
        plan.woman.organisation_id = plan.body.id;
        if (plan.stored_woman) {
          overlay(plan.woman.field, d.woman.field);
          overlay(plan.woman.year, d.woman.year);
          overlay(plan.woman.notes, d.woman.notes);
          compare(r.person_changes, "field", plan.stored_woman->field, plan.woman.field);
          compare(r.person_changes, "year", plan.stored_woman->year, plan.woman.year);
          compare(r.person_changes, "notes", plan.stored_woman->notes, plan.woman.notes);
        }
        creates = !plan.stored_woman;
      } else {
        if (auto row = archive.social_organisation_by_key(plan.body.id, d.social.name)) plan.stored_social = row->entry;
        plan.social = plan.stored_social.value_or(d.social);
        plan.social.organisation_id = plan.body.id;
        if (plan.stored_social) {
          auto& s = plan.social;
          const auto& before = *plan.stored_social;
          overlay(s.kind, d.social.kind);
          overlay(s.field, d.social.field);
          overlay(s.head_name, d.social.head_name);
          overlay(s.member_count, d.social.member_count);
          overlay(s.contact, d.social.contact);
          overlay(s.founded_on, d.social.founded_on);
          overlay(s.notes, d.social.notes);
          compare(r.person_changes, "kind", before.kind, s.kind);
          compare(r.person_changes, "field", before.field, s.field);
          compare(r.person_changes, "head_name", before.head_name, s.head_name);
          compare(r.person_changes, "member_count", before.member_count, s.member_count);
          // the stored number masked, as every answer has it (the new one is hers, from her file)
          if (before.contact != s.contact)
            r.person_changes.push_back({"contact", shown(domain::mask_optional_phone(before.contact)), shown(s.contact)});
          compare(r.person_changes, "founded_on", before.founded_on, s.founded_on);
          compare(r.person_changes, "notes", before.notes, s.notes);
        }
        creates = !plan.stored_social;
      }
      plan.changes = creates || !r.person_changes.empty();
      r.outcome = creates ? RowOutcome::kCreate : plan.changes ? RowOutcome::kUpdate : RowOutcome::kUnchanged;
      report.created_people += r.creates_person;
      report.created_entries += creates;
      report.updated_entries += r.outcome == RowOutcome::kUpdate;
      report.unchanged += r.outcome == RowOutcome::kUnchanged;
      report.results.push_back(std::move(r));
      plans.push_back(std::move(plan));
    }
    if (progress) progress(total, total);
    return plans;
  };

  if (!commit) {
    db_.read([&](storage::ReadTx& tx) { judge(tx); });
    return report;
  }
  db_.write([&](storage::WriteTx& tx) {
    auto plans = judge(tx);
    if (report.invalid > 0 && (!commit->skip_invalid || report.valid == 0)) return;  // nothing is stored
    const std::string now = domain::utc_timestamp_now();
    storage::PersonRepository people(tx);
    storage::ArchiveRepository archive(tx);
    std::map<std::string, domain::PersonId> registered_now;
    for (auto& plan : plans) {
      if (!plan.changes) continue;
      const Draft& d = drafts[plan.draft];
      if (women) {
        if (!plan.person_id) {
          if (auto it = registered_now.find(d.id.value); it != registered_now.end()) {
            plan.person_id = it->second;
          } else {
            domain::Person p;
            p.name = d.name;
            p.id_number = d.id.value;
            p.birth_date = d.id.birth_date;
            p.sex = d.id.sex;
            p.id = people.insert(p, *within, now);
            plan.person_id = registered_now[d.id.value] = p.id;
            record_audit(tx, actor, {"create", "person", std::to_string(p.id), *within, p.id}, person_registered(p));
          }
        }
        plan.woman.person_id = *plan.person_id;
        if (plan.stored_woman) {
          archive.update(plan.woman, now);
          record_audit(tx, actor, {"update", "outstanding_woman", std::to_string(plan.woman.id), plan.woman.organisation_id,
                                   plan.woman.person_id},
                       archive_changes(&*plan.stored_woman, &plan.woman));
        } else {
          plan.woman.id = archive.insert(plan.woman, now);
          record_audit(tx, actor, {"create", "outstanding_woman", std::to_string(plan.woman.id), plan.woman.organisation_id,
                                   plan.woman.person_id},
                       archive_changes(nullptr, &plan.woman));
        }
      } else if (plan.stored_social) {
        archive.update(plan.social, now);
        record_audit(tx, actor, {"update", "social_organisation", std::to_string(plan.social.id), plan.social.organisation_id},
                     archive_changes(&*plan.stored_social, &plan.social));
      } else {
        plan.social.id = archive.insert(plan.social, now);
        record_audit(tx, actor, {"create", "social_organisation", std::to_string(plan.social.id), plan.social.organisation_id},
                     archive_changes(nullptr, &plan.social));
      }
    }
    report.committed = true;
    ChangeSet batch;
    batch.created("file_name", report.file_name).created("sha256", report.sha256)
        .created("kind", std::string(import_kind_code(kind_))).created("rows", report.rows)
        .created("valid", report.valid).created("invalid", report.invalid).created("skipped", report.invalid)
        .created("created_people", report.created_people).created("created_entries", report.created_entries)
        .created("updated_entries", report.updated_entries).created("unchanged", report.unchanged);
    record_audit(tx, actor, {"import", "import", report.sha256, *within}, batch);
    if (commit->on_stored) commit->on_stored(tx, report);  // the job's end, with the entries or not at all
  });
  return report;
}

}  // namespace jinguo::services
