#include "domain/import/columns.h"

#include <algorithm>
#include <unordered_map>

#include "domain/import/utf8.h"
#include "domain/import/values.h"

namespace jinguo::domain::import {

namespace {

struct KeyHeadings {
  ColumnKey key;
  std::string_view code;
  std::vector<std::string_view> headings;
};

// Every key with the headings federations use for it. A heading belongs to one key only.
const std::vector<KeyHeadings>& table() {
  static const std::vector<KeyHeadings> kTable = {
      {ColumnKey::kSequence, "sequence", {"序号", "编号", "序"}},
      {ColumnKey::kName, "name", {"姓名", "名字", "人员姓名", "女性姓名", "执委姓名", "代表姓名"}},
      {ColumnKey::kIdNumber, "id_number",
       {"身份证号", "身份证号码", "公民身份号码", "公民身份证号码", "身份证", "身份证件号码", "居民身份证号码",
        "证件号码"}},
      {ColumnKey::kSex, "sex", {"性别"}},
      {ColumnKey::kBirthDate, "birth_date", {"出生日期", "出生年月", "出生年月日", "生日", "出生时间"}},
      {ColumnKey::kEthnicity, "ethnicity", {"民族"}},
      {ColumnKey::kPoliticalStatus, "political_status", {"政治面貌", "政治面目", "党派"}},
      {ColumnKey::kEducation, "education", {"文化程度", "学历", "最高学历", "文化", "全日制学历"}},
      {ColumnKey::kWorkUnit, "work_unit", {"工作单位", "单位", "所在单位", "单位名称", "工作单位名称"}},
      {ColumnKey::kJobTitle, "job_title", {"职务", "现任职务", "单位职务", "岗位", "职务职称", "现职务"}},
      {ColumnKey::kWorkUnitAndTitle, "work_unit_and_title",
       {"工作单位及职务", "单位及职务", "工作单位和职务", "工作单位及职务职称", "工作单位及岗位", "单位及职务职称"}},
      {ColumnKey::kMobile, "mobile", {"手机", "手机号", "手机号码", "移动电话", "联系电话", "联系方式", "电话", "电话号码"}},
      {ColumnKey::kOfficePhone, "office_phone", {"办公电话", "座机", "固定电话", "单位电话", "办公室电话"}},
      {ColumnKey::kOrganisation, "organisation",
       {"所在组织", "所属组织", "所在妇联", "所属妇联", "妇联组织", "妇联名称", "基层妇联", "组织路径", "所在妇联组织",
        "所属妇联组织", "妇联组织名称"}},
      {ColumnKey::kDivisionCode, "division_code", {"行政区划代码", "区划代码", "行政区划编码"}},
      {ColumnKey::kRole, "role", {"妇联职务", "妇联任职", "担任职务", "拟任职务", "任职", "所任职务", "妇联担任职务"}},
      {ColumnKey::kManner, "manner", {"任职方式", "任职形式", "专兼职", "专职兼职"}},
      {ColumnKey::kSource, "source", {"来源", "来源类别", "界别", "人员来源", "人员类别", "所属界别"}},
      {ColumnKey::kStartOn, "start_on", {"任职时间", "任职日期", "任职起始时间", "任职开始日期", "起始日期", "任职起始日期"}},
      {ColumnKey::kNotes, "notes", {"备注"}},
      {ColumnKey::kHonour, "honour", {"荣誉", "荣誉称号", "获得荣誉", "主要荣誉", "所获荣誉", "获得荣誉称号"}},
      {ColumnKey::kField, "field", {"领域", "所在领域", "行业", "所属行业", "所属领域"}},
      {ColumnKey::kYear, "year", {"年度", "年份", "获得年份", "获奖年份", "授予年份"}},
      {ColumnKey::kProposedBy, "proposed_by", {"推荐单位", "推荐人", "推荐者", "推荐部门"}},
      {ColumnKey::kOrgName, "org_name", {"社会组织名称", "组织名称", "名称", "妇女社会组织名称"}},
      {ColumnKey::kKind, "kind", {"类型", "组织类型", "组织类别"}},
      {ColumnKey::kHead, "head", {"负责人", "负责人姓名"}},
      {ColumnKey::kMemberCount, "member_count", {"成员数", "人数", "成员人数", "会员人数", "成员数量"}},
      {ColumnKey::kContact, "contact", {"联系人", "联系人姓名"}},
      {ColumnKey::kFoundedOn, "founded_on", {"成立时间", "成立日期", "成立年月"}},
  };
  return kTable;
}

// Folds a heading for comparison: half-width, no spaces, no * ※ ★ :, no bracketed remark,
// ASCII lower case.
std::string fold_heading(std::string_view text) {
  std::string half = to_half_width(text);
  std::string out;
  int depth = 0;
  for_each_code_point(half, [&](char32_t cp, std::string_view bytes) {
    if (cp == '(' || cp == 0x3010 /* 【 */) {
      ++depth;
      return;
    }
    if (cp == ')' || cp == 0x3011 /* 】 */) {
      if (depth > 0) --depth;
      return;
    }
    if (depth > 0 || is_unicode_space(cp) || cp == '*' || cp == ':' || cp == 0x203B /* ※ */ ||
        cp == 0x2605 /* ★ */)
      return;
    if (cp >= 'A' && cp <= 'Z') {
      out.push_back(static_cast<char>(cp - 'A' + 'a'));
      return;
    }
    out += bytes;
  });
  return out;
}

// A note line at the foot of a form: 填表人：…, 注：…, 注1. …, 合计.
bool is_note_text(std::string_view text) {
  static constexpr std::string_view kPrefixes[] = {
      "填表人", "填报人", "审核人", "审批人", "制表人", "统计人", "单位负责人", "负责人", "备注", "说明",
      "联系电话", "联系人", "填表日期", "填报日期", "制表日期", "填报单位", "填表单位", "填表说明", "注",
  };
  std::string folded = to_half_width(text);
  std::string compact;
  for_each_code_point(folded, [&](char32_t cp, std::string_view bytes) {
    if (!is_unicode_space(cp)) compact += bytes;
  });
  for (std::string_view total : {"合计", "总计", "小计"})
    if (compact == total || compact.starts_with(std::string(total) + ":")) return true;
  for (auto prefix : kPrefixes) {
    if (!compact.starts_with(prefix)) continue;
    std::string_view rest = std::string_view(compact).substr(prefix.size());
    if (rest.empty()) continue;
    if (rest[0] == ':') return true;
    if (prefix == "注" && ((rest[0] >= '0' && rest[0] <= '9') || rest.starts_with("、") ||
                          rest.starts_with(".")))
      return true;
  }
  return false;
}

std::size_t non_blank(const TextRow& row) {
  std::size_t n = 0;
  for (const auto& [column, text] : row.cells)
    if (!clean_text(text).empty()) ++n;
  return n;
}

const std::string* first_text(const TextRow& row) {
  for (const auto& [column, text] : row.cells)
    if (!clean_text(text).empty()) return &text;
  return nullptr;
}

struct Recognised {
  std::vector<HeaderColumn> known;
  std::vector<std::pair<std::uint32_t, std::string>> unknown;
};

Recognised recognise_row(const TextRow& row) {
  Recognised r;
  for (const auto& [column, text] : row.cells) {
    std::string heading = clean_text(text);
    if (heading.empty() || is_import_result_heading(heading)) continue;
    if (auto key = recognise_heading(heading))
      r.known.push_back(HeaderColumn{column, *key, heading});
    else
      r.unknown.emplace_back(column, heading);
  }
  return r;
}

bool is_heading_row(const Recognised& r, const HeaderSearch& search) {
  return r.known.size() >= search.min_known || (r.known.size() >= 2 && r.unknown.empty());
}

}  // namespace

bool is_import_result_heading(std::string_view heading) {
  return heading == kOutcomeHeading || heading == kMessagesHeading;
}

std::string_view column_key_code(ColumnKey key) {
  for (const auto& k : table())
    if (k.key == key) return k.code;
  return "";
}

std::string_view canonical_heading(ColumnKey key) {
  for (const auto& k : table())
    if (k.key == key) return k.headings.front();
  return "";
}

std::optional<ColumnKey> recognise_heading(std::string_view text) {
  static const auto kByHeading = [] {
    std::unordered_map<std::string, ColumnKey> by_heading;
    for (const auto& k : table())
      for (auto heading : k.headings) by_heading.emplace(fold_heading(heading), k.key);
    return by_heading;
  }();
  auto it = kByHeading.find(fold_heading(text));
  if (it == kByHeading.end()) return std::nullopt;
  return it->second;
}

std::optional<std::uint32_t> Header::column_of(ColumnKey key) const {
  for (const auto& c : columns)
    if (c.key == key) return c.column;
  return std::nullopt;
}

std::optional<Header> find_header(const std::vector<TextRow>& rows, const HeaderSearch& search) {
  std::size_t looked = 0;
  for (std::size_t i = 0; i < rows.size() && looked < search.max_rows; ++i) {
    if (non_blank(rows[i]) == 0) continue;
    ++looked;
    Recognised r = recognise_row(rows[i]);
    if (!is_heading_row(r, search)) continue;

    Header header;
    header.row_number = header.last_row_number = rows[i].number;
    // A second heading line: every non-blank cell a recognised heading.
    if (i + 1 < rows.size() && rows[i + 1].number == rows[i].number + 1) {
      Recognised below = recognise_row(rows[i + 1]);
      if (!below.known.empty() && below.unknown.empty()) {
        header.last_row_number = rows[i + 1].number;
        for (auto& sub : below.known) {
          std::erase_if(r.known, [&](const HeaderColumn& c) { return c.column == sub.column; });
          std::erase_if(r.unknown, [&](const auto& u) { return u.first == sub.column; });
          r.known.push_back(sub);
        }
        std::sort(r.known.begin(), r.known.end(),
                  [](const HeaderColumn& a, const HeaderColumn& b) { return a.column < b.column; });
      }
    }
    for (auto& c : r.known) {
      if (header.column_of(c.key))
        header.duplicated.push_back(std::move(c));
      else
        header.columns.push_back(std::move(c));
    }
    header.unknown = std::move(r.unknown);
    return header;
  }
  return std::nullopt;
}

std::vector<RowKind> classify_rows(const std::vector<TextRow>& rows, const Header& header) {
  std::vector<RowKind> kinds;
  kinds.reserve(rows.size());
  RowClassifier classifier(header);
  for (const auto& row : rows) kinds.push_back(classifier.next(row));
  return kinds;
}

RowKind RowClassifier::next(const TextRow& row) {
  if (row.number < header_.row_number) return RowKind::kTitle;
  if (row.number <= header_.last_row_number) return RowKind::kHeader;
  std::size_t filled = non_blank(row);
  if (filled == 0) return RowKind::kBlank;
  const std::string* first = first_text(row);
  if (is_note_text(*first) || (after_note_ && filled == 1)) {
    after_note_ = true;
    return RowKind::kNote;
  }
  Recognised r = recognise_row(row);
  std::size_t same = 0;
  for (const auto& c : r.known)
    if (header_.column_of(c.key) == c.column) ++same;
  if (same >= 2 && same * 2 >= header_.columns.size()) return RowKind::kRepeatedHeader;
  return RowKind::kData;
}

std::vector<std::string> header_warnings(const Header& header) {
  constexpr std::size_t kEach = 5, kNamed = 3;
  auto named = [](const std::pair<std::uint32_t, std::string>& u) {
    return "“" + u.second + "”（第" + std::to_string(u.first) + "列）";
  };
  std::vector<std::string> out;
  if (header.unknown.size() <= kEach) {
    for (const auto& u : header.unknown) out.push_back("未识别的列" + named(u) + "，将被忽略");
  } else {
    std::string first;
    for (std::size_t i = 0; i < kNamed; ++i) first += (i ? "、" : "") + named(header.unknown[i]);
    out.push_back("未识别的列共" + std::to_string(header.unknown.size()) + "列，将被忽略：" + first + "等");
  }
  for (const auto& d : header.duplicated)
    for (const auto& c : header.columns)
      if (c.key == d.key)
        out.push_back(named({d.column, d.heading}) + "与" + named({c.column, c.heading}) + "是同一项，只读取第" +
                      std::to_string(c.column) + "列");
  return out;
}

}  // namespace jinguo::domain::import
