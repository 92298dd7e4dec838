#include "domain/forms/layout.h"

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "domain/error.h"

namespace jinguo::domain::forms {

namespace {

using nlohmann::json;

DomainError bad(const std::string& where, const std::string& zh, const std::string& en) {
  return invalid("invalid_form_layout", where, "报表格式定义有误（" + where + "）：" + zh,
                 "invalid form layout (" + where + "): " + en);
}

const json& member(const json& object, const char* name, const std::string& where) {
  if (!object.is_object() || !object.contains(name))
    throw bad(where, std::string("缺少“") + name + "”", std::string("missing \"") + name + "\"");
  return object.at(name);
}

std::string text(const json& object, const char* name, const std::string& where, bool required = true) {
  if (!object.contains(name) && !required) return "";
  const json& v = member(object, name, where);
  if (!v.is_string() || v.get_ref<const std::string&>().empty())
    throw bad(where, std::string("“") + name + "”应为非空文字", std::string("\"") + name + "\" must be a non-empty string");
  return v.get<std::string>();
}

std::vector<std::string> texts(const json& object, const char* name, const std::string& where) {
  std::vector<std::string> out;
  if (!object.contains(name)) return out;
  const json& v = object.at(name);
  if (!v.is_array()) throw bad(where, std::string("“") + name + "”应为文字列表", std::string("\"") + name + "\" must be a list of strings");
  for (const auto& item : v) {
    if (!item.is_string() || item.get_ref<const std::string&>().empty())
      throw bad(where, std::string("“") + name + "”应为文字列表", std::string("\"") + name + "\" must be a list of strings");
    out.push_back(item.get<std::string>());
  }
  return out;
}

std::optional<int> whole(const json& object, const char* name, const std::string& where) {
  if (!object.contains(name)) return std::nullopt;
  const json& v = object.at(name);
  if (!v.is_number_integer()) throw bad(where, std::string("“") + name + "”应为整数", std::string("\"") + name + "\" must be an integer");
  return v.get<int>();
}

RowGroup row_group(const std::string& code) {
  for (RowGroup g : {RowGroup::kLevel, RowGroup::kDistrict, RowGroup::kPerson, RowGroup::kContact})
    if (row_group_code(g) == code) return g;
  throw bad("rows", "行分组应为 level、district、person 或 contact", "rows must be level, district, person or contact");
}

std::vector<Band> bands(const json& definition, const char* kind, bool ages) {
  std::vector<Band> out;
  if (!definition.contains("bands") || !definition.at("bands").contains(kind)) return out;
  const json& list = definition.at("bands").at(kind);
  const std::string where = std::string("bands.") + kind;
  if (!list.is_array()) throw bad(where, "应为列表", "must be a list");
  for (const auto& item : list) {
    Band b;
    b.key = text(item, "key", where);
    const std::string at = where + "." + b.key;
    b.label = text(item, "label", at, false);
    if (ages) {
      b.min = whole(item, "min", at);
      b.max = whole(item, "max", at);
      if (!b.min && !b.max) throw bad(at, "年龄段至少要有 min 或 max", "an age band needs min or max");
      if (b.min && b.max && *b.min > *b.max) throw bad(at, "min 大于 max", "min is above max");
    } else {
      b.codes = texts(item, "codes", at);
      if (b.codes.empty()) throw bad(at, "分段应列出代码", "a band lists its codes");
    }
    if (std::any_of(out.begin(), out.end(), [&](const Band& o) { return o.key == b.key; }))
      throw bad(at, "分段键重复", "duplicate band key");
    out.push_back(std::move(b));
  }
  return out;
}

void known_bands(const std::vector<std::string>& keys, const std::vector<Band>& known, const std::string& where) {
  for (const auto& k : keys)
    if (std::none_of(known.begin(), known.end(), [&](const Band& b) { return b.key == k; }))
      throw bad(where, "未定义的分段“" + k + "”", "no band " + k);
}

Count count(const json& v, const Bands& b, const std::string& where) {
  Count c;
  const std::string what = text(v, "what", where);
  if (what == "bodies") c.what = CountWhat::kBodies;
  else if (what == "members") c.what = CountWhat::kMembers;
  else if (what == "added") c.what = CountWhat::kAdded;
  else throw bad(where, "what 应为 bodies、members 或 added", "what must be bodies, members or added");
  const std::string on = v.contains("on") ? text(v, "on", where) : "report";
  if (on == "baseline") c.on = CountOn::kBaseline;
  else if (on != "report") throw bad(where, "on 应为 report 或 baseline", "on must be report or baseline");
  c.role = texts(v, "role", where);
  c.manner = texts(v, "manner", where);
  c.source = texts(v, "source", where);
  c.education = texts(v, "education", where);
  c.political_status = texts(v, "political_status", where);
  c.age = texts(v, "age", where);
  if (v.contains("minority")) {
    if (!v.at("minority").is_boolean()) throw bad(where, "minority 应为 true 或 false", "minority must be a boolean");
    c.minority = v.at("minority").get<bool>();
  }
  known_bands(c.education, b.education, where);
  known_bands(c.political_status, b.political_status, where);
  known_bands(c.age, b.age, where);
  const bool filtered = !c.role.empty() || !c.manner.empty() || !c.source.empty() || !c.education.empty() ||
                        !c.political_status.empty() || !c.age.empty() || c.minority;
  if (c.what == CountWhat::kBodies && filtered) throw bad(where, "组织数不能带筛选条件", "a count of bodies takes no filter");
  if (c.what == CountWhat::kAdded && c.on == CountOn::kBaseline)
    throw bad(where, "新增数不能按基线日期计", "added cannot be counted on the baseline");
  static const std::set<std::string> kKnown{"what", "on", "role", "manner", "source", "education",
                                            "political_status", "age", "minority"};
  for (const auto& [k, _] : v.items())
    if (!kKnown.contains(k)) throw bad(where, "未知的计数条件“" + k + "”", "unknown count field " + k);
  return c;
}

}  // namespace

std::string_view row_group_code(RowGroup g) {
  switch (g) {
    case RowGroup::kLevel: return "level";
    case RowGroup::kDistrict: return "district";
    case RowGroup::kPerson: return "person";
    case RowGroup::kContact: return "contact";
  }
  return "level";
}

const Column* Layout::column(std::string_view key) const {
  for (const auto& c : columns)
    if (c.key == key) return &c;
  return nullptr;
}

Layout parse_layout(std::string_view text_json, int version) {
  json d = json::parse(text_json, nullptr, false);
  if (d.is_discarded() || !d.is_object()) throw bad("definition", "不是有效的 JSON 对象", "not a JSON object");
  Layout l;
  l.version = version;
  auto form = whole(d, "form", "form");
  if (!form || *form < 1 || *form > kFormCount) throw bad("form", "表号应为 1 到 5", "form must be 1 to 5");
  l.form = *form;
  l.title = text(d, "title", "title");
  l.rows = row_group(text(d, "rows", "rows"));
  if (d.contains("landscape")) {
    if (!d.at("landscape").is_boolean()) throw bad("landscape", "应为 true 或 false", "must be a boolean");
    l.landscape = d.at("landscape").get<bool>();
  }
  l.bands.age = bands(d, "age", true);
  l.bands.education = bands(d, "education", false);
  l.bands.political_status = bands(d, "political_status", false);
  l.footer = texts(d, "footer", "footer");
  const json& columns = member(d, "columns", "columns");
  if (!columns.is_array() || columns.empty()) throw bad("columns", "应列出至少一列", "must list at least one column");
  std::set<std::string> keys;
  for (const auto& item : columns) {
    Column c;
    c.key = text(item, "key", "columns");
    const std::string where = "columns." + c.key;
    if (!keys.insert(c.key).second) throw bad(where, "列键重复", "duplicate column key");
    c.label = text(item, "label", where);
    c.group = texts(item, "group", where);
    if (item.contains("width")) {
      if (!item.at("width").is_number() || item.at("width").get<double>() < 2)
        throw bad(where, "列宽应为不小于 2 的数", "width must be a number of at least 2");
      c.width = item.at("width").get<double>();
    }
    if (item.contains("total")) {
      if (!item.at("total").is_boolean()) throw bad(where, "total 应为 true 或 false", "total must be true or false");
      c.summed = item.at("total").get<bool>();
    }
    const std::string kind = item.contains("kind") ? text(item, "kind", where) : "count";
    if (kind == "label") c.kind = ColumnKind::kLabel;
    else if (kind == "text") c.kind = ColumnKind::kText;
    else if (kind == "number") c.kind = ColumnKind::kNumber;
    else if (kind == "count") c.kind = ColumnKind::kCount;
    else throw bad(where, "kind 应为 label、text、number 或 count", "kind must be label, text, number or count");
    if (c.kind == ColumnKind::kCount) c.count = count(member(item, "count", where), l.bands, where);
    else if (item.contains("count")) throw bad(where, "只有计数列才有 count", "only a count column has a count");
    if (c.kind == ColumnKind::kLabel && &item != &columns.front())
      throw bad(where, "行标签列应为第一列", "the label column comes first");
    if (c.kind == ColumnKind::kCount && (l.rows == RowGroup::kPerson || l.rows == RowGroup::kContact))
      throw bad(where, "按人员或联系人分行的表不能有计数列", "a form of people or contacts has no count column");
    l.columns.push_back(std::move(c));
  }
  return l;
}

HeaderGrid header_grid(const std::vector<Column>& columns) {
  HeaderGrid grid;
  std::size_t depth = 0;
  for (const auto& c : columns) depth = std::max(depth, c.group.size());
  grid.rows = static_cast<int>(depth) + 1;
  // Merged headings: at each level, runs of adjacent leaves sharing the path down to it.
  for (std::size_t level = 0; level < depth; ++level) {
    for (std::size_t i = 0; i < columns.size();) {
      const auto& path = columns[i].group;
      if (path.size() <= level) {
        ++i;
        continue;
      }
      std::size_t j = i + 1;
      while (j < columns.size() && columns[j].group.size() > level &&
             std::equal(path.begin(), path.begin() + static_cast<long>(level) + 1, columns[j].group.begin()))
        ++j;
      grid.headings.push_back({path[level], static_cast<int>(level), static_cast<int>(i), 1, static_cast<int>(j - i)});
      i = j;
    }
  }
  // Each leaf under its path, down to the last header row.
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const int row = static_cast<int>(columns[i].group.size());
    grid.headings.push_back({columns[i].label, row, static_cast<int>(i), grid.rows - row, 1});
  }
  std::sort(grid.headings.begin(), grid.headings.end(),
            [](const auto& a, const auto& b) { return std::tie(a.row, a.column) < std::tie(b.row, b.column); });
  return grid;
}

}  // namespace jinguo::domain::forms

namespace jinguo::domain::forms {

int level_row_of(std::string_view body_type) {
  for (std::size_t i = 0; i < std::size(kLevelRows); ++i)
    if (kLevelRows[i].code == body_type) return static_cast<int>(i);
  return -1;
}

}  // namespace jinguo::domain::forms
