#include "domain/organisation.h"

#include "domain/error.h"
#include "domain/text.h"

namespace jinguo::domain {

std::string_view body_type_code(BodyType t) {
  switch (t) {
    case BodyType::kCity: return "city";
    case BodyType::kDistrict: return "district";
    case BodyType::kCounty: return "county";
    case BodyType::kCountyCity: return "county_city";
    case BodyType::kStreet: return "street";
    case BodyType::kTownship: return "township";
    case BodyType::kCommunity: return "community";
    case BodyType::kVillage: return "village";
    case BodyType::kVillageCongress: return "village_congress";
  }
  return "";
}

std::optional<BodyType> body_type_from_code(std::string_view code) {
  for (BodyType t : kAllBodyTypes)
    if (body_type_code(t) == code) return t;
  return std::nullopt;
}

std::string_view body_type_label(BodyType t) {
  switch (t) {
    case BodyType::kCity: return "市妇联";
    case BodyType::kDistrict: return "区妇联";
    case BodyType::kCounty: return "县妇联";
    case BodyType::kCountyCity: return "县级市妇联";
    case BodyType::kStreet: return "街道妇联";
    case BodyType::kTownship: return "乡镇妇联";
    case BodyType::kCommunity: return "社区妇联";
    case BodyType::kVillage: return "村妇联";
    case BodyType::kVillageCongress: return "村妇代会";
  }
  return "";
}

std::string_view body_type_label_en(BodyType t) {
  switch (t) {
    case BodyType::kCity: return "city federation";
    case BodyType::kDistrict: return "district federation";
    case BodyType::kCounty: return "county federation";
    case BodyType::kCountyCity: return "county-level city federation";
    case BodyType::kStreet: return "street federation";
    case BodyType::kTownship: return "township federation";
    case BodyType::kCommunity: return "community federation";
    case BodyType::kVillage: return "village federation";
    case BodyType::kVillageCongress: return "village women's congress";
  }
  return "";
}

int body_type_level(BodyType t) {
  switch (t) {
    case BodyType::kCity: return 0;
    case BodyType::kDistrict:
    case BodyType::kCounty:
    case BodyType::kCountyCity: return 1;
    case BodyType::kStreet:
    case BodyType::kTownship: return 2;
    case BodyType::kCommunity:
    case BodyType::kVillage:
    case BodyType::kVillageCongress: return 3;
  }
  return -1;
}

bool may_stand_under(BodyType child, std::optional<BodyType> parent) {
  if (!parent) return child == BodyType::kCity;
  switch (child) {
    case BodyType::kCity:
      return false;
    case BodyType::kDistrict:
    case BodyType::kCounty:
    case BodyType::kCountyCity:
      return *parent == BodyType::kCity;
    case BodyType::kStreet:
    case BodyType::kTownship:
      return body_type_level(*parent) == 1;
    case BodyType::kCommunity:  // communities exist under streets and under towns
      return *parent == BodyType::kStreet || *parent == BodyType::kTownship;
    case BodyType::kVillage:
    case BodyType::kVillageCongress:
      return *parent == BodyType::kTownship;
  }
  return false;
}

std::vector<BodyType> child_types_of(BodyType parent) {
  std::vector<BodyType> out;
  for (BodyType t : kAllBodyTypes)
    if (may_stand_under(t, parent)) out.push_back(t);
  return out;
}

void validate_organisation_name(std::string_view name) {
  auto decoded = utf8_decode(name);
  if (!decoded) throw invalid("invalid_text", "name", "名称含有无效字符", "name is not valid UTF-8");
  if (has_control_character(*decoded, false))
    throw invalid("control_characters", "name", "名称含有不可见的控制字符，请删去后重试", "the name has control characters");
  auto n = std::optional(decoded->size());
  if (trim(name).empty()) throw invalid("required", "name", "请填写名称", "name is required");
  if (*n > 60)
    throw invalid("too_long", "name", "名称不能超过60个字", "name is longer than 60 characters");
}

std::string normalise_division_code(std::string_view code) {
  std::string c(trim(code));
  for (char ch : c)
    if (ch < '0' || ch > '9')
      throw invalid("division_code_format", "division_code", "行政区划代码只能由数字组成",
                    "division code has digits only");
  if (c.size() == 6) c += "000000";
  if (c.size() != 12)
    throw invalid("division_code_format", "division_code", "行政区划代码应为12位（或6位县级代码）",
                  "division code has 12 digits (or 6 at county level)");
  return c;
}

}  // namespace jinguo::domain
