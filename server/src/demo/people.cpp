#include "demo/people.h"

#include <algorithm>
#include <charconv>

#include "demo/names.h"

namespace jinguo::demo {

namespace {

using Code = Weighted<std::string_view>;

// GB/T 3304: Harbin is about 94% Han; Manchu, Korean, Hui and Mongol are the large
// minorities; a few of the northern peoples and a rare Uyghur complete the picture.
constexpr Code kEthnicities[] = {{"01", 925}, {"11", 45}, {"10", 10}, {"03", 9}, {"02", 5},
                                 {"31", 1},   {"38", 1},  {"53", 1},  {"44", 1}, {"05", 1}};

// GB/T 4762, per kind of post.
constexpr Code kPoliticsLeaders[] = {{"01", 82}, {"02", 3}, {"13", 10}, {"12", 2}, {"05", 1},
                                     {"07", 1},  {"10", 1}};
constexpr Code kPoliticsUpper[] = {{"01", 42}, {"02", 2}, {"03", 6}, {"05", 1}, {"06", 1},
                                   {"07", 1},  {"10", 1}, {"12", 2}, {"13", 44}};
constexpr Code kPoliticsUrban[] = {{"01", 30}, {"02", 2}, {"03", 6}, {"07", 1}, {"12", 1}, {"13", 60}};
constexpr Code kPoliticsRural[] = {{"01", 22}, {"02", 1}, {"03", 5}, {"13", 72}};

// GB/T 4658: villages lower, streets and upper levels higher.
constexpr Code kEducationUpper[] = {{"10", 10}, {"20", 60}, {"30", 25}, {"40", 5}};
constexpr Code kEducationTownUrban[] = {{"10", 3}, {"20", 40}, {"30", 35}, {"40", 10}, {"60", 10}, {"70", 2}};
constexpr Code kEducationTownRural[] = {{"10", 1}, {"20", 25}, {"30", 35}, {"40", 15}, {"60", 17}, {"70", 7}};
constexpr Code kEducationCommunity[] = {{"10", 1}, {"20", 22}, {"30", 33}, {"40", 16}, {"60", 20}, {"70", 8}};
constexpr Code kEducationVillage[] = {{"20", 5},  {"30", 14}, {"40", 14}, {"60", 30},
                                      {"70", 32}, {"80", 4},  {"90", 1}};

constexpr std::string_view kMobilePrefixes[] = {
    "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "145", "147",
    "150", "151", "152", "153", "155", "156", "157", "158", "159", "176", "177", "178",
    "180", "181", "182", "183", "185", "186", "187", "188", "189"};

// Work unit and post: {p} the place, {c} the county/district, {s} a company stem.
struct Work {
  std::string_view unit;
  std::string_view post;
};
constexpr Work kBuildingHead[] = {{"{p}居民", "楼栋长"}, {"{p}", "楼栋长"}, {"{p}居民", "楼栋长、党小组长"}};
constexpr Work kUnitGroupHead[] = {{"{p}居民", "单元小组长"}, {"{p}", "单元小组长"}};
constexpr Work kBusinessRural[] = {
    {"{p}水稻种植专业合作社", "理事长"}, {"{p}蔬菜种植专业合作社", "理事长"},
    {"{p}黑木耳专业合作社", "负责人"},   {"{p}生猪养殖场", "场长"},
    {"{p}肉牛养殖专业合作社", "理事长"}, {"{p}大鹅养殖场", "场长"},
    {"{p}手工编织专业合作社", "负责人"}, {"{p}杂粮加工厂", "厂长"},
    {"{p}农家乐", "经营者"}};
constexpr Work kBusinessUrban[] = {{"哈尔滨{s}商贸有限公司", "总经理"},
                                   {"{c}{s}餐饮有限公司", "经理"},
                                   {"哈尔滨{s}电子商务有限公司", "创始人"}};
constexpr Work kModelPost[] = {
    {"哈尔滨银行{p}支行", "行长"},       {"{c}人民医院护理部", "护士长"},
    {"{p}邮政支局", "局长"},             {"国网{c}供电公司营业厅", "班长"},
    {"{c}税务局办税服务厅", "主任"},     {"{c}{s}超市", "店长"}};
constexpr Work kRedBanner[] = {{"{p}中心小学", "教师"},   {"{p}卫生院", "医生"},
                               {"{c}第一中学", "教师"},   {"{c}人民医院", "主任医师"},
                               {"{c}妇幼保健院", "护士长"}};
constexpr Work kNewSector[] = {{"哈尔滨{s}科技有限公司", "总经理"},
                               {"黑龙江{s}律师事务所", "主任"},
                               {"{c}{s}商贸有限公司", "党支部书记"},
                               {"哈尔滨{s}物业服务有限公司", "项目经理"}};
constexpr Work kSelfOrg[] = {{"{p}秧歌队", "队长"}, {"{p}广场舞队", "队长"},
                             {"{p}巾帼志愿服务队", "队长"}, {"{p}妇女读书会", "负责人"},
                             {"{p}编织协会", "会长"}};
constexpr Work kExpertise[] = {{"黑龙江{s}律师事务所", "律师"}, {"{p}中心小学", "教师"},
                               {"{p}人民调解委员会", "调解员"}, {"{c}人民医院", "医生"},
                               {"{p}法律服务所", "法律工作者"}, {"{c}第三中学", "心理教师"}};
constexpr Work kCadreWorker[] = {{"{c}人民政府办公室", "科员"}, {"{c}教育局", "退休干部"},
                                 {"{c}财政局", "副科长"},       {"哈尔滨电机厂有限责任公司", "退休职工"},
                                 {"哈尔滨轴承集团公司", "职工"}, {"{c}人民检察院", "检察官"},
                                 {"{c}人民法院", "法官"},       {"哈尔滨铁路局", "退休职工"}};
constexpr Work kSocialWorker[] = {{"{c}{s}社会工作服务中心", "社工"}, {"{p}社区服务中心", "社工"}};
constexpr Work kSocialOrg[] = {{"{c}{s}巾帼家政服务协会", "会长"}, {"{c}爱心妈妈志愿者协会", "会长"},
                               {"{c}女企业家协会", "副会长"}, {"{c}{s}养老服务中心", "负责人"}};
constexpr Work kCadreUrban[] = {{"{p}居民委员会", "委员"}, {"{p}居民委员会", "主任"}};
constexpr Work kCadreRural[] = {{"{p}村民委员会", "妇女主任"}, {"{p}村民委员会", "委员"},
                                {"{p}党支部", "委员"}};
constexpr Work kCadreTown[] = {{"{p}人民政府", "干部"}, {"{p}党委", "组织委员"}, {"{p}计生办", "主任"}};
constexpr Work kCadreStreet[] = {{"{p}办事处", "干部"}, {"{p}党工委", "组织委员"}, {"{p}社区服务中心", "主任"}};
constexpr Work kFederation[] = {{"{p}妇女联合会", "专职干部"}};

constexpr std::string_view kCompanyStems[] = {"华夏", "龙江", "北方", "冰城", "松花江", "金源", "鑫达",
                                              "恒远", "远东", "黑土地", "寒地", "北大荒", "欧亚", "天鹅"};

std::span<const Work> works_for(const PersonSpec& spec) {
  const bool rural = spec.setting == Setting::kRural;
  if (!spec.source) {
    if (spec.level <= 1) return kFederation;
    if (spec.level == 2) return rural ? std::span<const Work>(kCadreTown) : kCadreStreet;
    return rural ? std::span<const Work>(kCadreRural) : kCadreUrban;
  }
  const std::string_view s = *spec.source;
  if (s == "building_head") return kBuildingHead;
  if (s == "unit_group_head") return kUnitGroupHead;
  if (s == "business_leader") return rural ? std::span<const Work>(kBusinessRural) : kBusinessUrban;
  if (s == "model_post_leader") return kModelPost;
  if (s == "red_banner") return kRedBanner;
  if (s == "new_sector_leader") return kNewSector;
  if (s == "self_org_leader") return kSelfOrg;
  if (s == "expertise") return kExpertise;
  if (s == "social_worker") return kSocialWorker;
  if (s == "social_org_head") return kSocialOrg;
  if (s == "grassroots_cadre") {
    if (spec.level == 2) return rural ? std::span<const Work>(kCadreTown) : kCadreStreet;
    return rural ? std::span<const Work>(kCadreRural) : kCadreUrban;
  }
  return kCadreWorker;  // cadre_worker and anything new in the dictionary
}

std::string fill(std::string_view pattern, const PersonSpec& spec, std::string_view stem) {
  std::string out;
  out.reserve(pattern.size() + 24);
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}') {
      const char key = pattern[i + 1];
      out.append(key == 'p' ? spec.place : key == 'c' ? spec.county : stem);
      i += 2;
    } else {
      out.push_back(pattern[i]);
    }
  }
  return out;
}

std::span<const Code> education_table(const PersonSpec& spec) {
  const bool rural = spec.setting == Setting::kRural;
  if (spec.level <= 1) return kEducationUpper;
  if (spec.level == 2) return rural ? std::span<const Code>(kEducationTownRural) : kEducationTownUrban;
  return rural ? std::span<const Code>(kEducationVillage) : kEducationCommunity;
}

std::span<const Code> politics_table(const PersonSpec& spec) {
  if (spec.leader) return kPoliticsLeaders;
  if (spec.level <= 2) return kPoliticsUpper;
  return spec.setting == Setting::kRural ? std::span<const Code>(kPoliticsRural) : kPoliticsUrban;
}

std::string_view pick_code(Rng& rng, std::span<const Code> table) {
  return pick_weighted<std::string_view>(rng, table);
}

void append_digits(std::string& out, Rng& rng, int count) {
  for (int i = 0; i < count; ++i) out.push_back(static_cast<char>('0' + rng.below(10)));
}

std::uint64_t region_number(std::string_view region) {
  std::uint64_t n = 0;
  std::from_chars(region.data(), region.data() + region.size(), n);
  return n;
}

}  // namespace

std::string PersonFactory::id_number(std::string_view region, int birth_year) {
  // Each (region, year) gives out sequence numbers 000, 002, … 998: 500 women. A full
  // year passes the woman on to the next one, so the number stays unique.
  constexpr int kPerYear = 500;
  int year = birth_year;
  for (int step = 0;; ++step) {
    year = birth_year + (step % 2 == 0 ? step / 2 : -(step / 2 + 1));
    int& used = sequences_[region_number(region) * 10000 + static_cast<std::uint64_t>(year)];
    if (used < kPerYear) {
      const int sequence = 2 * used++;
      const domain::Date birth = rng_.day(domain::Date(year, 1, 1), domain::Date(year, 12, 31));
      const std::string iso = birth.iso();
      std::string id;
      id.reserve(18);
      id.append(region).append(iso, 0, 4).append(iso, 5, 2).append(iso, 8, 2);
      id.push_back(static_cast<char>('0' + sequence / 100));
      id.push_back(static_cast<char>('0' + sequence / 10 % 10));
      id.push_back(static_cast<char>('0' + sequence % 10));
      id.push_back(domain::id_number_check_char(id));
      return id;
    }
  }
}

void PersonFactory::forget_region(std::string_view region) {
  const std::uint64_t base = region_number(region) * 10000;
  for (int year = 1900; year < 2030; ++year) sequences_.erase(base + static_cast<std::uint64_t>(year));
}

domain::Person PersonFactory::make(const PersonSpec& spec) {
  domain::Person p;
  const int born = rng_.between(spec.born_from, std::max(spec.born_from, spec.born_to));
  p.id_number = id_number(spec.region, born);
  p.birth_date = *domain::Date::parse(p.id_number.substr(6, 4) + "-" + p.id_number.substr(10, 2) +
                                      "-" + p.id_number.substr(12, 2));
  p.sex = domain::Sex::kFemale;
  const int year = p.birth_date.year();

  std::string_view ethnicity = pick_code(rng_, kEthnicities);
  if (!spec.ethnic_hint.empty() && rng_.chance(0.35)) ethnicity = spec.ethnic_hint;
  p.ethnicity = std::string(ethnicity);
  p.name = woman_name(rng_, ethnicity, year);

  std::string_view politics = pick_code(rng_, politics_table(spec));
  if (politics == "03" && year < 1988) politics = "13";  // the League ends at 28
  p.political_status = std::string(politics);

  std::string_view education = pick_code(rng_, education_table(spec));
  if (year >= 1985 && (education == "70" || education == "80" || education == "90") && rng_.chance(0.6))
    education = "30";
  if (year < 1962 && education == "10") education = "20";
  p.education = std::string(education);

  const Work& work = rng_.pick(works_for(spec));
  const std::string_view stem = rng_.pick<std::string_view>(kCompanyStems);
  p.work_unit = fill(work.unit, spec, stem);
  p.job_title = std::string(work.post);
  // Women retired at 50 (workers) or 55 (cadres) in 2016; the younger still work there.
  constexpr std::string_view kRetired = "退休";
  if (p.job_title->starts_with(kRetired) && year > 1963) p.job_title->erase(0, kRetired.size());
  if (year <= 1963 && (spec.source == "building_head" || spec.source == "unit_group_head") && rng_.chance(0.5))
    p.work_unit = "退休";

  std::string mobile(rng_.pick<std::string_view>(kMobilePrefixes));
  append_digits(mobile, rng_, 8);
  p.mobile = std::move(mobile);
  const bool office = spec.level <= 2 || spec.leader || (spec.source && (*spec.source == "cadre_worker" ||
                                                                         *spec.source == "model_post_leader"));
  if (rng_.chance(office ? 0.6 : 0.08)) {
    std::string phone = "0451-8";
    append_digits(phone, rng_, 7);
    p.office_phone = std::move(phone);
  }
  return p;
}

}  // namespace jinguo::demo
