#include "demo/harbin.h"

#include <vector>

#include "demo/emitter.h"
#include "demo/names.h"
#include "demo/people.h"
#include "demo/random.h"
#include "demo/tree.h"

namespace jinguo::demo {

namespace {

using domain::BodyType;
using domain::Date;

// One district, county or county-level city of Harbin (GB/T 2260, 2016) and what lies
// under it. Street and township names are the real ones where we know them; the rest
// are generated. Counts add up to the city's 2016 totals (checked below).
struct Unit {
  std::string_view code;
  std::string_view name;
  BodyType type;
  int established;         // the year its federation was set up
  int streets;
  int townships;
  int street_communities;  // communities under its streets
  int town_communities;    // communities under its townships (county seats, towns near the city)
  int villages;            // village women's congresses
  std::string_view street_names;    // space-separated, without 妇联
  std::string_view township_names;
};

constexpr Unit kUnits[] = {
    {"230102", "道里区", BodyType::kDistrict, 1956, 22, 5, 125, 2, 50,
     "兆麟街道 新阳路街道 尚志街道 斯大林街道 抚顺街道 安静街道 共乐街道 新华街道 正阳河街道 工农街道 "
     "建国街道 经纬街道 通江街道 工程街道 康安街道 群力街道 城乡路街道",
     "新发镇 太平镇 新农镇 榆树镇"},
    {"230103", "南岗区", BodyType::kDistrict, 1956, 20, 2, 146, 1, 15,
     "花园街道 大成街道 七政街道 革新街道 曲线街道 和兴路街道 哈西街道 奋斗路街道 芦家街道 松花江街道 "
     "荣市街道 新春街道 先锋路街道 保健路街道 文化街道 通达街道 护军街道 跃进街道",
     "王岗镇 红旗满族乡"},
    {"230104", "道外区", BodyType::kDistrict, 1956, 23, 4, 135, 2, 35,
     "靖宇街道 太古街道 东莱街道 滨江街道 仁里街道 崇俭街道 振江街道 东原街道 大有坊街道 南马街道 "
     "化工街道 火车头街道 新一街道 三棵树街道 水泥路街道 太平街道 黎华街道 新乐街道 南直路街道",
     "团结镇 永源镇 巨源镇 民主镇"},
    {"230108", "平房区", BodyType::kDistrict, 1980, 6, 2, 38, 1, 10,
     "兴建街道 保国街道 联盟街道 友协街道 新伟街道", "平房镇 平新镇"},
    {"230109", "松北区", BodyType::kDistrict, 2004, 5, 4, 30, 2, 40,
     "松浦街道 万宝街道 太阳岛街道 松北街道", "对青山镇 乐业镇"},
    {"230110", "香坊区", BodyType::kDistrict, 1956, 24, 4, 130, 2, 25,
     "香坊大街街道 安埠街道 通天街道 新香坊街道 铁东街道 新成街道 红旗街道 六顺街道 建筑街道 哈平路街道 "
     "安乐街道 健康路街道 大庆路街道 进乡街道 通乡街道 和平路街道 民生路街道 文政街道 王兆街道 黎明街道",
     "朝阳镇 成高子镇 幸福镇 向阳乡"},
    {"230111", "呼兰区", BodyType::kDistrict, 1952, 7, 12, 36, 3, 180,
     "兰河街道 呼兰街道 建设路街道 腰堡街道 利民街道",
     "康金镇 石人镇 白奎镇 方台镇 莲花镇 大用镇 长岭镇 双井镇 沈家镇 二八镇 杨林乡 许堡乡 孟家乡"},
    {"230112", "阿城区", BodyType::kDistrict, 1956, 10, 9, 52, 3, 120,
     "金城街道 金都街道 通城街道 河东街道 阿什河街道 玉泉街道 新华街道 舍利街道 料甸街道",
     "亚沟镇 交界镇 小岭镇 平山镇 松峰山镇 红星镇 金龙山镇 杨树乡 蜚克图镇"},
    {"230113", "双城区", BodyType::kDistrict, 1956, 10, 15, 45, 3, 280, "承恩街道 迎宾街道 永和街道",
     "五家镇 新兴镇 周家镇 韩甸镇 单城镇 东官镇 农丰镇 杏山镇 西官镇 兰棱镇 联兴乡 希勤乡 同心乡 乐群乡 "
     "幸福乡 万隆乡 临江乡 水泉乡 青岭乡 永胜乡 团结乡 金城乡 公正乡 朝阳乡"},
    {"230123", "依兰县", BodyType::kCounty, 1950, 0, 9, 0, 10, 90, "",
     "依兰镇 达连河镇 江湾镇 三道岗镇 道台桥镇 宏克力镇 团山子乡 愚公乡 迎兰朝鲜族乡"},
    {"230124", "方正县", BodyType::kCounty, 1950, 0, 8, 0, 6, 65, "",
     "方正镇 会发镇 大罗密镇 天门乡 松南乡 德善乡 宝兴乡 伊汉通乡"},
    {"230125", "宾县", BodyType::kCounty, 1950, 0, 16, 0, 12, 170, "",
     "宾州镇 宾西镇 糖坊镇 宾安镇 新甸镇 胜利镇 宁远镇 摆渡镇 平坊镇 满井镇 常安镇 永和乡 鸟河乡 民和乡 "
     "经建乡 三宝乡"},
    {"230126", "巴彦县", BodyType::kCounty, 1950, 0, 18, 0, 9, 147, "",
     "巴彦镇 兴隆镇 西集镇 洼兴镇 龙泉镇 巴彦港镇 龙庙镇 万发镇 天增镇 黑山镇 松花江乡 富江乡 华山乡 "
     "丰乐乡 德祥乡 红光乡 山后乡 镇东乡"},
    {"230127", "木兰县", BodyType::kCounty, 1950, 0, 8, 0, 6, 70, "",
     "木兰镇 东兴镇 大贵镇 利东镇 柳河镇 新民镇 建国乡 吉兴乡"},
    {"230128", "通河县", BodyType::kCounty, 1950, 0, 8, 0, 7, 60, "",
     "通河镇 乌鸦泡镇 清河镇 浓河镇 凤山镇 祥顺镇 三站镇"},
    {"230129", "延寿县", BodyType::kCounty, 1950, 0, 9, 0, 6, 80, "",
     "延寿镇 六团镇 中和镇 加信镇 延河镇 玉河镇 青川乡 寿山乡 安山乡"},
    {"230183", "尚志市", BodyType::kCountyCity, 1988, 0, 16, 0, 16, 160, "",
     "尚志镇 一面坡镇 苇河镇 亚布力镇 帽儿山镇 亮河镇 庆阳镇 元宝镇 黑龙宫镇 珍珠山乡 老街基乡 "
     "河东朝鲜族乡 乌吉密乡 长寿乡 鱼池朝鲜族乡 马延乡"},
    {"230184", "五常市", BodyType::kCountyCity, 1993, 0, 23, 0, 17, 290, "",
     "五常镇 拉林满族镇 山河镇 小山子镇 安家镇 杜家镇 背荫河镇 冲河镇 沙河子镇 向阳镇 龙凤山镇 牛家满族镇 "
     "卫国乡 营城子满族乡 兴盛乡 二河乡 常堡乡 民意乡 八家子乡 志广乡 红旗满族乡 长山乡 兴隆乡"},
};

constexpr int total(int Unit::*field) {
  int sum = 0;
  for (const Unit& u : kUnits) sum += u.*field;
  return sum;
}
static_assert(std::size(kUnits) == 18);
static_assert(total(&Unit::streets) == 127);
static_assert(total(&Unit::townships) == 172);
static_assert(total(&Unit::street_communities) + total(&Unit::town_communities) == 845);
static_assert(total(&Unit::villages) == 1887);

std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    const std::size_t space = text.find(' ');
    if (space != 0) out.emplace_back(text.substr(0, space));
    if (space == std::string_view::npos) break;
    text.remove_prefix(space + 1);
  }
  return out;
}

// Splits `count` over the weights, exactly.
std::vector<int> split_count(Rng& rng, int count, const std::vector<double>& weights) {
  std::vector<int> out(weights.size(), 0);
  if (weights.empty()) return out;
  double sum = 0;
  for (double w : weights) sum += w;
  int given = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) given += out[i] = static_cast<int>(count * weights[i] / sum);
  for (; given < count; ++given) ++out[rng.index(weights.size())];
  return out;
}

std::vector<double> spread_weights(Rng& rng, std::size_t n) {
  std::vector<double> weights(n);
  for (double& w : weights) w = 0.6 + 0.8 * rng.unit();
  return weights;
}

std::string code3(int n) {
  std::string s = std::to_string(1000 + n);
  return s.substr(1);
}

// The places of one level: the real names first, then generated ones.
std::vector<std::string> places(Rng& rng, NameBook& book, std::string_view real_names, int count, bool streets) {
  std::vector<std::string> out = words(real_names);
  if (out.size() > static_cast<std::size_t>(count)) out.resize(static_cast<std::size_t>(count));
  for (const std::string& name : out) book.reserve(name);
  while (out.size() < static_cast<std::size_t>(count))
    out.push_back(book.take([&] { return town_stem(rng); }, streets ? "街道" : rng.chance(0.7) ? "镇" : "乡"));
  return out;
}

// Communities, then village congresses, under one street or township.
void add_grassroots(Rng& rng, TownshipPlan& township, int communities, int villages) {
  NameBook book;
  const std::string& code = township.body.division_code;
  for (int i = 0; i < communities; ++i)
    township.children.push_back({BodyType::kCommunity, book.take([&] { return community_stem(rng); }, "社区"),
                                 code.substr(0, 9) + code3(1 + i), false,
                                 rng.day(Date(2000, 1, 1), Date(2012, 12, 31))});
  for (int i = 0; i < villages; ++i)
    township.children.push_back({BodyType::kVillageCongress, book.take([&] { return village_stem(rng); }, "村"),
                                 code.substr(0, 9) + code3(201 + i), false,
                                 rng.day(Date(1982, 1, 1), Date(1998, 12, 31))});
}

CountyPlan plan_unit(Rng& rng, const Unit& unit) {
  CountyPlan plan;
  plan.body = {unit.type, std::string(unit.name), std::string(unit.code) + "000000", false,
               rng.day(Date(unit.established, 1, 1), Date(unit.established, 12, 31))};
  NameBook book;
  const std::vector<std::string> streets = places(rng, book, unit.street_names, unit.streets, true);
  const std::vector<std::string> towns = places(rng, book, unit.township_names, unit.townships, false);

  const std::vector<int> street_communities =
      split_count(rng, unit.street_communities, spread_weights(rng, streets.size()));
  std::vector<int> town_communities(towns.size(), 0);
  for (int i = 0; i < unit.town_communities; ++i) {
    // In a county most communities are in the seat town; elsewhere a few towns have one.
    const std::size_t limit = std::min<std::size_t>(towns.size(), 3);
    ++town_communities[unit.streets == 0 && rng.chance(0.6) ? 0 : static_cast<std::size_t>(i) % limit];
  }
  std::vector<double> village_weights = spread_weights(rng, towns.size());
  if (unit.streets == 0) village_weights[0] *= 0.5;
  const std::vector<int> villages = split_count(rng, unit.villages, village_weights);

  // Pilot sites: one street in a district, one township in a county.
  const std::size_t pilot_street = 0;
  const std::size_t pilot_town = unit.type == BodyType::kDistrict ? towns.size() : 1 + rng.index(towns.size() - 1);
  for (std::size_t i = 0; i < streets.size(); ++i) {
    TownshipPlan t;
    t.body = {BodyType::kStreet, streets[i], std::string(unit.code) + code3(1 + static_cast<int>(i)) + "000",
              i == pilot_street, rng.day(Date(1956, 1, 1), Date(2008, 12, 31))};
    add_grassroots(rng, t, street_communities[i], 0);
    plan.townships.push_back(std::move(t));
  }
  int zhen = 0, xiang = 0;
  for (std::size_t i = 0; i < towns.size(); ++i) {
    const bool is_xiang = towns[i].ends_with("乡");
    const int number = is_xiang ? 200 + xiang++ : 100 + zhen++;
    TownshipPlan t;
    t.body = {BodyType::kTownship, towns[i], std::string(unit.code) + code3(number) + "000",
              i == pilot_town || (streets.empty() && unit.type == BodyType::kDistrict && i == 0),
              rng.day(Date(1958, 1, 1), Date(1985, 12, 31))};
    add_grassroots(rng, t, town_communities[i], villages[i]);
    plan.townships.push_back(std::move(t));
  }
  return plan;
}

}  // namespace

Summary generate_harbin(const Options& options, Sink& sink) {
  Generation run(options.seed, options.today, sink);
  Rng& rng = run.rng;
  TreeWriter& writer = run.writer;

  const BodyPlan city{BodyType::kCity, "哈尔滨市", "230100000000", false, Date(1950, 3, 8)};
  const domain::OrganisationId city_id = writer.city(city);
  std::vector<Head> heads;
  for (const Unit& unit : kUnits)
    if (auto head = writer.county(city_id, plan_unit(rng, unit))) heads.push_back(*head);
  writer.city_roster(city_id, city, heads);
  return run.emitter.finish();
}

}  // namespace jinguo::demo
