#include "services/spreadsheets.h"

#include <algorithm>
#include <span>

#include "domain/access/access.h"
#include "domain/access/masking.h"
#include "domain/clock.h"
#include "domain/error.h"
#include "domain/id_number.h"
#include "domain/import/columns.h"
#include "services/audit.h"

namespace jinguo::services {

namespace {

using documents::ColumnKind;
using domain::DictionaryKind;
using domain::import::ColumnKey;

// One column of a sheet: the key the importer reads it as, and what the clerk is told.
struct ColumnSpec {
  ColumnKey key;
  double width;
  ColumnKind kind;
  bool required;
  const char* explain;
  const char* example;
  std::optional<DictionaryKind> choices = std::nullopt;  // a dropdown of the dictionary's labels
  const char* heading = nullptr;                          // instead of the canonical heading
};

constexpr ColumnKind kText = ColumnKind::kText;
constexpr ColumnKind kDate = ColumnKind::kDate;
constexpr ColumnKind kNumber = ColumnKind::kNumber;

const ColumnSpec kPersonColumns[] = {
    {ColumnKey::kName, 12, kText, true, "本人姓名；少数民族姓名中间用间隔号“·”", "阿依古丽·买买提"},
    {ColumnKey::kIdNumber, 22, kText, true, "18位居民身份证号（15位旧号自动转换），末位X大小写均可", "230102198001011234"},
    {ColumnKey::kSex, 6, kText, false, "从下拉列表选择，也可不填，按身份证号判断", "女"},
    {ColumnKey::kBirthDate, 12, kDate, false, "可不填，按身份证号判断；可写1980-01-02、1980.1.2、1980年1月2日", "1980-01-02"},
    {ColumnKey::kEthnicity, 10, kText, false, "从下拉列表选择，也可写“汉”“回”等简称", "汉族", DictionaryKind::kEthnicity},
    {ColumnKey::kPoliticalStatus, 14, kText, false, "从下拉列表选择，也可写“党员”“团员”", "中共党员",
     DictionaryKind::kPoliticalStatus},
    {ColumnKey::kEducation, 14, kText, false, "从下拉列表选择，也可写“本科”“大专”", "大学本科", DictionaryKind::kEducation},
    {ColumnKey::kWorkUnit, 22, kText, false, "工作单位全称", "道里区新阳路街道办事处"},
    {ColumnKey::kJobTitle, 14, kText, false, "在工作单位担任的职务", "科员"},
    {ColumnKey::kMobile, 14, kText, false, "11位手机号", "13804512345"},
    {ColumnKey::kOfficePhone, 16, kText, false, "带区号的固定电话", "0451-84694842"},
};

const ColumnSpec kPositionColumns[] = {
    {ColumnKey::kOrganisation, 28, kText, true,
     "任职的妇联组织：本单位范围内的组织全称，重名时写路径，如“呼兰区妇联/二八镇妇联/新农村妇代会”", "二八镇妇联"},
    {ColumnKey::kRole, 12, kText, true, "从下拉列表选择（只列该类组织设有的职务）", "执委", DictionaryKind::kRole},
    {ColumnKey::kManner, 10, kText, true, "专职、兼职、挂职或志愿者", "兼职", DictionaryKind::kManner},
    {ColumnKey::kSource, 22, kText, false, "来源类别，从下拉列表选择", "女性楼栋长", DictionaryKind::kSource},
    {ColumnKey::kStartOn, 12, kDate, true, "开始任职的日期", "2016-08-15"},
};

const ColumnSpec kNotesColumn = {ColumnKey::kNotes, 24, kText, false, "其他说明", ""};

const ColumnSpec kOutstandingWomanColumns[] = {
    {ColumnKey::kName, 12, kText, true, "本人姓名", "王秀英"},
    {ColumnKey::kIdNumber, 22, kText, true, "18位居民身份证号", "230102198001011234"},
    {ColumnKey::kHonour, 22, kText, true, "荣誉称号或主要事迹", "全国三八红旗手"},
    {ColumnKey::kField, 12, kText, false, "所在领域", "农业"},
    {ColumnKey::kYear, 8, kNumber, false, "获得荣誉的年份", "2015"},
    {ColumnKey::kProposedBy, 24, kText, true, "推荐的妇联组织（本单位范围内）", "二八镇妇联"},
    kNotesColumn,
};

const ColumnSpec kSocialOrganisationColumns[] = {
    {ColumnKey::kOrgName, 26, kText, true, "社会组织全称", "巾帼志愿服务队"},
    {ColumnKey::kKind, 14, kText, false, "社会团体、民办非企业单位、社区社会组织、自组织等", "社区社会组织"},
    {ColumnKey::kField, 12, kText, false, "服务领域", "养老"},
    {ColumnKey::kHead, 12, kText, false, "负责人姓名", "赵丽"},
    {ColumnKey::kMemberCount, 8, kNumber, false, "成员人数", "36"},
    {ColumnKey::kMobile, 16, kText, false, "手机号或带区号的固定电话", "13804512345", std::nullopt, "联系电话"},
    {ColumnKey::kFoundedOn, 12, kDate, false, "成立日期", "2014-03-08"},
    {ColumnKey::kOrganisation, 24, kText, true, "所在地区的妇联组织（本单位范围内）", "新阳路街道妇联"},
    kNotesColumn,
};

std::vector<ColumnSpec> columns_of(SheetKind kind) {
  std::vector<ColumnSpec> out;
  auto add = [&](std::span<const ColumnSpec> specs) { out.insert(out.end(), specs.begin(), specs.end()); };
  switch (kind) {
    case SheetKind::kMembers:
      add(kPersonColumns);
      add(kPositionColumns);
      out.push_back(kNotesColumn);
      break;
    case SheetKind::kPeople:
      add(kPersonColumns);
      out.push_back(kNotesColumn);
      break;
    case SheetKind::kOutstandingWomen: add(kOutstandingWomanColumns); break;
    case SheetKind::kSocialOrganisations: add(kSocialOrganisationColumns); break;
  }
  return out;
}

std::string heading_of(const ColumnSpec& c) {
  return c.heading ? std::string(c.heading) : std::string(domain::import::canonical_heading(c.key));
}

const char* title_of(SheetKind kind) {
  switch (kind) {
    case SheetKind::kMembers: return "成员名册";
    case SheetKind::kPeople: return "人员名单";
    case SheetKind::kOutstandingWomen: return "优秀女性代表人物";
    case SheetKind::kSocialOrganisations: return "妇女社会组织";
  }
  return "";
}

// The labels offered for a dictionary column; roles only those of the body type.
std::vector<std::string> choices_of(const std::vector<domain::DictionaryEntry>& entries, DictionaryKind kind,
                                    std::optional<domain::BodyType> body_type) {
  std::vector<std::string> out;
  for (const auto& e : entries)
    if (e.kind == kind && e.active && (kind != DictionaryKind::kRole || !body_type || domain::role_allowed_in(e, *body_type)))
      out.push_back(e.label);
  return out;
}

}  // namespace

SheetRequest parse_sheet_kind(std::string_view text) {
  if (text == "people") return {SheetKind::kPeople, std::nullopt};
  if (text == "outstanding-women") return {SheetKind::kOutstandingWomen, std::nullopt};
  if (text == "social-organisations") return {SheetKind::kSocialOrganisations, std::nullopt};
  if (text.starts_with("members:"))
    if (auto type = domain::body_type_from_code(text.substr(8))) return {SheetKind::kMembers, type};
  throw domain::invalid("unknown_sheet_kind", "kind",
                        "未知的模板类型，可选：members:<组织类型>、people、outstanding-women、social-organisations",
                        "unknown kind: members:<body type>, people, outstanding-women or social-organisations");
}

std::string sheet_kind_code(const SheetRequest& request) {
  switch (request.kind) {
    case SheetKind::kMembers:
      return "members:" + std::string(domain::body_type_code(request.body_type.value_or(domain::BodyType::kTownship)));
    case SheetKind::kPeople: return "people";
    case SheetKind::kOutstandingWomen: return "outstanding-women";
    case SheetKind::kSocialOrganisations: return "social-organisations";
  }
  return "";
}

documents::WorkbookSpec sheet_layout(const SheetRequest& request, const std::vector<domain::DictionaryEntry>& entries,
                                     const std::string& title) {
  documents::TableSheet table;
  table.name = title_of(request.kind);
  table.title = title;
  table.landscape = true;
  documents::TextSheet help;
  help.name = "填写说明";
  help.widths = {16, 10, 60, 24};
  help.rows.push_back({"列名", "是否必填", "说明", "示例"});
  for (const auto& c : columns_of(request.kind)) {
    documents::SheetColumn column;
    column.header = heading_of(c);
    column.width = c.width;
    column.kind = c.kind;
    column.required = c.required;
    column.input_message = c.explain;
    std::string example = c.example;
    if (c.choices) {
      column.choices = choices_of(entries, *c.choices, request.body_type);
      // the example is one she may write here (a 村妇代会 has 委员, not 执委): else its last choice
      const auto& choices = column.choices;
      if (!choices.empty() && std::find(choices.begin(), choices.end(), example) == choices.end())
        example = choices.back();
    }
    if (c.key == ColumnKey::kSex) column.choices = {"女", "男"};  // not a dictionary: the two the importer reads
    table.columns.push_back(std::move(column));
    help.rows.push_back({heading_of(c), c.required ? "必填" : "选填", c.explain, example});
  }
  help.rows.push_back({});
  help.rows.push_back({"提示", "", "标题行可以保留；列的顺序可以调整；表尾的“填表人”“审核人”等说明行会被忽略。上传后先预览，"
                                   "确认无误后再导入。红色列名为必填。"});
  return {{std::move(table)}, {std::move(help)}};
}

std::string dictionary_label(const std::vector<domain::DictionaryEntry>& entries, DictionaryKind kind,
                             const std::optional<std::string>& code) {
  if (!code) return "";
  for (const auto& e : entries)
    if (e.kind == kind && e.code == *code) return e.label;
  return *code;
}

std::vector<documents::CellValue> member_row(const domain::Person& p, const storage::PositionRow* position,
                                             const std::string& organisation_path, const std::string& notes, bool full,
                                             const std::vector<domain::DictionaryEntry>& entries) {
  auto phone = [&](const std::optional<std::string>& v) { return v ? (full ? *v : domain::mask_phone(*v)) : std::string(); };
  std::vector<documents::CellValue> row = {
      p.name, full ? p.id_number : domain::mask_id_number(p.id_number),
      std::string(p.sex == domain::Sex::kFemale ? "女" : "男"), p.birth_date,
      dictionary_label(entries, DictionaryKind::kEthnicity, p.ethnicity),
      dictionary_label(entries, DictionaryKind::kPoliticalStatus, p.political_status),
      dictionary_label(entries, DictionaryKind::kEducation, p.education), p.work_unit.value_or(""),
      p.job_title.value_or(""), phone(p.mobile), phone(p.office_phone)};
  if (position) {
    row.insert(row.end(), {organisation_path, position->role_label, position->manner_label,
                           position->source_label.value_or(""), position->position.start_on});
  } else {
    row.resize(row.size() + std::size(kPositionColumns));
  }
  row.emplace_back(notes);
  return row;
}

Download Spreadsheets::Template(const SheetRequest& request) {
  std::string title = std::string(title_of(request.kind));
  if (request.body_type) title = std::string(domain::body_type_label(*request.body_type)) + title;
  auto spec = sheet_layout(request, registry_.Dictionary(std::nullopt), title + "（导入模板）");
  return {title + "_导入模板.xlsx", documents::write_workbook(spec)};
}

Download Spreadsheets::Roster(const Actor& actor, domain::OrganisationId id, std::optional<domain::Date> on,
                              bool full) {
  if (full) domain::require(actor.role, domain::Permission::kReveal);
  auto body = registry_.Organisation(actor, id);  // 404 outside the scope
  const auto kept = registry_.RosterOn(actor, id, on);
  const auto& roster = *kept;
  const auto entries = registry_.Dictionary(std::nullopt);
  std::string path;
  for (const auto& p : body.path) path += (path.empty() ? "" : "/") + p.name;
  const auto& organisation = body.row.organisation;
  SheetRequest request{SheetKind::kMembers, organisation.type};
  auto spec = sheet_layout(request, entries, organisation.name + " 成员名册（" + roster.on.iso() + "）");
  auto& rows = spec.tables.front().rows;
  for (const auto& r : roster.items)
    rows.push_back(member_row(r.person, &r.row, path, r.person.notes.value_or(""), full, entries));  // 备注: hers
  Download out{"成员名册_" + organisation.name + "_" + roster.on.iso() + ".xlsx", documents::write_workbook(spec)};
  db_.write([&](storage::WriteTx& tx) {
    ChangeSet changes;
    changes.created("kind", std::string("roster")).created("on", roster.on)
        .created("rows", static_cast<long long>(roster.items.size())).created("full_personal_data", full);
    record_audit(tx, actor, {"export", "organisation", std::to_string(id), id}, changes);
  });
  return out;
}

}  // namespace jinguo::services
