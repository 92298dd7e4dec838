#include "demo/names.h"

#include <array>

namespace jinguo::demo {

namespace {

using Name = Weighted<std::string_view>;

// Family names by their share of the population (per mille, rounded; 2010s figures),
// with 𠮷 (U+20BB7, outside the Basic Multilingual Plane) kept as a rare one on purpose.
constexpr Name kFamilyNames[] = {
    {"王", 72}, {"李", 71}, {"张", 68}, {"刘", 54}, {"陈", 45}, {"杨", 31}, {"赵", 23},
    {"黄", 22}, {"周", 21}, {"吴", 20}, {"徐", 17}, {"孙", 15}, {"胡", 13}, {"朱", 13},
    {"高", 12}, {"林", 12}, {"何", 12}, {"郭", 11}, {"马", 11}, {"罗", 9},  {"梁", 9},
    {"宋", 8},  {"郑", 8},  {"谢", 7},  {"韩", 7},  {"唐", 6},  {"冯", 6},  {"于", 6},
    {"董", 5},  {"萧", 5},  {"程", 5},  {"曹", 5},  {"袁", 5},  {"邓", 5},  {"许", 5},
    {"傅", 4},  {"沈", 4},  {"曾", 4},  {"彭", 4},  {"吕", 4},  {"苏", 4},  {"卢", 4},
    {"蒋", 4},  {"蔡", 4},  {"贾", 4},  {"丁", 3},  {"魏", 3},  {"薛", 3},  {"叶", 3},
    {"阎", 3},  {"潘", 3},  {"杜", 3},  {"戴", 3},  {"夏", 3},  {"田", 3},  {"任", 3},
    {"姜", 3},  {"范", 3},  {"方", 3},  {"石", 3},  {"姚", 3},  {"谭", 2},  {"邹", 2},
    {"金", 2},  {"陆", 2},  {"郝", 2},  {"孔", 2},  {"白", 2},  {"崔", 2},  {"康", 2},
    {"毛", 2},  {"邱", 2},  {"秦", 2},  {"史", 2},  {"侯", 2},  {"孟", 2},  {"段", 2},
    {"尹", 1},  {"常", 1},  {"武", 1},  {"乔", 1},  {"贺", 1},  {"关", 1},  {"佟", 1},
    {"隋", 1},  {"栾", 1},  {"鞠", 1},  {"欧阳", 1}, {"𠮷", 1},
};

// Given names, by the decade fashion of the women's birth years.
constexpr std::string_view kGivenBorn1950s[] = {
    "秀英", "桂英", "秀兰", "玉兰", "桂兰", "淑华", "淑珍", "凤霞", "秀珍", "玉珍", "淑芬",
    "淑兰", "桂芝", "凤英", "秀云", "玉梅", "桂芳", "素芳", "玉华", "淑琴", "秀芝", "凤琴",
    "丽华", "红", "英", "华", "兰", "芳", "玉芹", "淑清"};
constexpr std::string_view kGivenBorn1960s[] = {
    "丽华", "丽娟", "红梅", "春梅", "秀梅", "红霞", "艳华", "凤华", "淑梅", "亚杰", "立新",
    "雪梅", "美华", "晓红", "丽萍", "桂荣", "艳秋", "红", "敏", "萍", "霞", "梅", "玲",
    "淑艳", "丽君", "桂杰", "凤云", "艳玲", "玉霞", "彦华"};
constexpr std::string_view kGivenBorn1970s[] = {
    "丽", "艳", "静", "敏", "燕", "娟", "颖", "莉", "岩", "丹", "海燕", "晓燕", "晓丽",
    "丽艳", "艳玲", "美玲", "红艳", "秀娟", "春艳", "春燕", "丽娜", "晓梅", "海英", "慧敏",
    "立华", "艳红", "冬梅", "秋菊", "晓辉", "洪艳", "淑娟", "宏伟"};
constexpr std::string_view kGivenBorn1980s[] = {
    "婷婷", "丹丹", "晶晶", "娜", "爽", "楠", "微", "雪", "琳", "欣", "颖", "丽丽", "佳",
    "晓雪", "海燕", "思琪", "佳琪", "雅楠", "美娜", "冬雪", "春雨", "晓彤", "丽媛", "莹莹",
    "倩", "璐", "悦", "蕊", "宁宁", "明月", "鑫", "迪"};
constexpr std::string_view kGivenBorn1990s[] = {
    "梦瑶", "欣然", "思雨", "雨欣", "佳怡", "婷婷", "晓彤", "文静", "慧", "萌", "璐", "悦",
    "一诺", "诗琪", "子涵", "雪", "楠", "琦", "月", "佳慧", "美琪", "梓萱", "若曦", "晨"};

// Family names most common among the minorities living around Harbin.
constexpr std::string_view kManchuFamilies[] = {"关", "佟", "那", "富", "赵", "金", "何",
                                                  "傅", "唐", "白", "依", "钮", "郎", "吴"};
constexpr std::string_view kHuiFamilies[] = {"马", "白", "杨", "穆", "哈", "李", "张", "丁", "沙", "海"};
constexpr std::string_view kKoreanFamilies[] = {"金", "李", "朴", "崔", "郑", "姜", "韩",
                                                  "张", "尹", "申", "全", "赵", "俞", "玄"};
constexpr std::string_view kKoreanGiven[] = {
    "顺姬", "英姬", "贞淑", "美善", "明淑", "善花", "春花", "玉顺", "京花", "惠善", "银姬",
    "英子", "美玉", "莲花", "贞姬", "顺玉", "恩静", "恩惠", "秀贞", "美兰", "香兰", "正淑"};
// Mongol names are written without a family name; some with the father's name after a dot.
constexpr std::string_view kMongolNames[] = {
    "乌云", "其其格", "萨仁", "斯琴高娃", "乌云其木格", "萨仁格日勒", "高娃", "托娅", "娜仁花",
    "图雅", "塔娜", "阿拉坦其其格", "额尔敦其其格", "苏日娜", "吉日木图"};
constexpr std::string_view kMongolFathers[] = {"巴特尔", "额尔敦", "宝音", "朝鲁", "那顺", "布和"};
constexpr std::string_view kUyghurGiven[] = {"阿依古丽", "古丽娜尔", "热依拉", "帕提古丽",
                                               "努尔古丽", "迪丽拜尔", "米热古丽", "再努尔"};
constexpr std::string_view kUyghurFathers[] = {"买买提", "吐尔逊", "艾买提", "阿不都",
                                                 "艾力", "热合曼", "玉素甫", "阿西木"};

std::span<const std::string_view> given_names_for(int birth_year) {
  if (birth_year < 1960) return kGivenBorn1950s;
  if (birth_year < 1970) return kGivenBorn1960s;
  if (birth_year < 1980) return kGivenBorn1970s;
  if (birth_year < 1990) return kGivenBorn1980s;
  return kGivenBorn1990s;
}

const WeightedTable<std::string_view>& family_table() {
  static const WeightedTable<std::string_view> table{std::span<const Name>(kFamilyNames)};
  return table;
}

std::string join(std::string_view a, std::string_view b, std::string_view c = {}) {
  std::string s;
  s.reserve(a.size() + b.size() + c.size());
  s.append(a).append(b).append(c);
  return s;
}

// Given names of one character sound old-fashioned after 1985 except in a few forms;
// a neighbouring decade's list keeps the mix from looking generated.
std::string_view given_name(Rng& rng, int birth_year) {
  const int year = rng.chance(0.2) ? birth_year + (rng.chance(0.5) ? 10 : -10) : birth_year;
  return rng.pick(given_names_for(year));
}

constexpr std::string_view kTownStems[] = {
    "新华", "建设", "和平", "胜利", "红旗", "民主", "前进", "东风", "长青", "光明", "永安",
    "兴隆", "太平", "富民", "丰收", "宏伟", "黎明", "朝阳", "新兴", "振兴", "幸福", "团结",
    "友谊", "安康", "福兴", "长发", "双胜", "永和", "新立", "民乐", "富强", "三合", "五星",
    "联合", "红星", "东升", "西安", "北安", "南山", "青山", "平安", "永丰", "德胜", "乐业",
    "保安", "兴华", "新城", "长安", "治安", "兴盛", "靠山", "庆丰", "万发", "金星", "同乐",
    "双河", "柳河", "榆林", "杏树", "白杨", "松林", "桦树", "曙光", "先锋", "文化", "人和"};

constexpr std::string_view kCommunityStems[] = {
    "阳光", "和谐", "锦江", "松花", "丽园", "嘉和", "新城", "金河", "安居", "康乐", "花园",
    "明珠", "翠湖", "滨江", "江畔", "学府", "文化", "公园", "铁路", "工人", "电机", "锅炉",
    "量具", "亚麻", "车辆", "机车", "通达", "学院", "景阳", "民安", "宣化", "龙江", "东城",
    "西城", "北苑", "南苑", "春华", "秋实", "祥和", "欣苑", "友谊", "红旗", "建国", "中山",
    "太阳", "群力", "金都", "万达", "保利", "恒大", "风华", "湘江", "兆麟", "新阳", "丽江"};
constexpr std::string_view kCommunitySuffixes[] = {"", "", "", "东", "西", "南", "北",
                                                   "新村", "花园", "家园", "小区", "第一", "第二"};

constexpr std::string_view kVillageFirst[] = {"东", "西", "南", "北", "前", "后", "新", "大",
                                              "小", "上", "下", "中", "永", "长", "双", "三",
                                              "四", "五", "太", "福", "富", "平", "胜", "兴", "红"};
constexpr std::string_view kVillageSecond[] = {"兴", "发", "胜", "利", "安", "民", "丰", "平", "和",
                                               "富", "乐", "合", "山", "河", "林", "泉", "岗", "屯",
                                               "星", "光", "强", "义", "德", "春", "阳"};
constexpr std::string_view kVillageFamilies[] = {"王", "李", "张", "刘", "赵", "孙", "马", "于",
                                                 "杨", "高", "宋", "徐", "姜", "郭", "曲", "董"};
constexpr std::string_view kVillageFamilySuffixes[] = {"家", "家窝堡", "家店", "家屯", "家岗"};

constexpr std::string_view kCityFirst[] = {
    "安", "宝", "昌", "长", "成", "承", "大", "德", "东", "丰", "福", "广", "海", "汉", "和", "河", "鹤",
    "华", "怀", "淮", "吉", "佳", "建", "江", "金", "锦", "晋", "荆", "景", "九", "开", "康", "兰", "乐",
    "丽", "连", "临", "柳", "龙", "洛", "满", "茂", "梅", "绵", "南", "宁", "平", "普", "齐", "庆", "泉",
    "汝", "瑞", "沙", "山", "商", "韶", "邵", "石", "双", "松", "遂", "泰", "天", "通", "铜", "威", "渭",
    "温", "文", "乌", "武", "西", "咸", "湘", "襄", "新", "信", "兴", "徐", "许", "宣", "雅", "延", "阳",
    "伊", "宜", "义", "益", "永", "榆", "玉", "岳", "云", "枣", "湛", "昭", "肇", "中", "珠", "资", "淄"};
constexpr std::string_view kCitySecond[] = {"安", "城", "川", "丰", "阳", "州", "宁", "江", "山", "平",
                                            "原", "德", "兴", "河", "林", "海", "台", "源", "泉", "昌",
                                            "化", "春", "远", "定", "水", "溪", "口", "坪", "清", "谷"};

}  // namespace

std::string woman_name(Rng& rng, std::string_view ethnicity, int birth_year) {
  if (ethnicity == "10") return join(rng.pick<std::string_view>(kKoreanFamilies),
                                     rng.pick<std::string_view>(kKoreanGiven));
  if (ethnicity == "02") {
    std::string_view given = rng.pick<std::string_view>(kMongolNames);
    if (rng.chance(0.3)) return join(given, "·", rng.pick<std::string_view>(kMongolFathers));
    return std::string(given);
  }
  if (ethnicity == "05")
    return join(rng.pick<std::string_view>(kUyghurGiven), "·",
                rng.pick<std::string_view>(kUyghurFathers));
  std::string_view family = family_table().pick(rng);
  if (ethnicity == "11" && rng.chance(0.6)) family = rng.pick<std::string_view>(kManchuFamilies);
  if (ethnicity == "03" && rng.chance(0.7)) family = rng.pick<std::string_view>(kHuiFamilies);
  return join(family, given_name(rng, birth_year));
}

std::string town_stem(Rng& rng) { return std::string(rng.pick<std::string_view>(kTownStems)); }

std::string city_stem(Rng& rng) {
  return join(rng.pick<std::string_view>(kCityFirst), rng.pick<std::string_view>(kCitySecond));
}

std::string community_stem(Rng& rng) {
  return join(rng.pick<std::string_view>(kCommunityStems),
              rng.pick<std::string_view>(kCommunitySuffixes));
}

std::string village_stem(Rng& rng) {
  if (rng.chance(0.25))
    return join(rng.pick<std::string_view>(kVillageFamilies),
                rng.pick<std::string_view>(kVillageFamilySuffixes));
  return join(rng.pick<std::string_view>(kVillageFirst), rng.pick<std::string_view>(kVillageSecond));
}

}  // namespace jinguo::demo
