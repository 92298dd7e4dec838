#include "demo/form_records.h"

#include <string>
#include <string_view>

#include "demo/names.h"
#include "demo/random.h"

namespace jinguo::demo {

namespace {

constexpr std::string_view kPosts[] = {"组织联络部部长", "组织联络部副部长", "副主席", "办公室主任"};

std::string digits(Rng& rng, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out.push_back(static_cast<char>('0' + rng.below(10)));
  return out;
}

}  // namespace

std::vector<FormRecords> harbin_form_records(const std::vector<domain::Organisation>& bodies, std::uint64_t seed) {
  std::vector<FormRecords> out;
  for (const auto& body : bodies) {
    if (body.type == domain::BodyType::kCity || !domain::holds_reelections(body.type)) continue;
    Rng rng(seed * 1000003 + static_cast<std::uint64_t>(body.id));
    FormRecords r;
    auto& c = r.contact;
    c.organisation_id = body.id;
    c.name = woman_name(rng, "01", rng.between(1966, 1986));
    c.post = std::string(rng.pick<std::string_view>(kPosts));
    c.office_phone = "0451-8" + digits(rng, 7);
    c.mobile = "13" + std::to_string(rng.between(5, 9)) + digits(rng, 8);
    c.email = "fulian" + std::to_string(body.id) + "@example.cn";
    c.start_on = domain::Date(2016, 6, 2);  // named when the work plan came (哈妇发〔2016〕8号)

    auto& e = r.reelection;
    e.organisation_id = body.id;
    e.held_on = rng.day(domain::Date(2013, 3, 1), domain::Date(2014, 12, 20));
    e.term_years = domain::kDefaultTermYears;
    e.delegates = rng.between(150, 320);
    e.delegates_minority = e.delegates * rng.between(2, 8) / 100;
    e.delegates_party = e.delegates * rng.between(55, 75) / 100;
    e.delegates_grassroots = e.delegates * rng.between(40, 60) / 100;
    e.delegates_under_35 = e.delegates * rng.between(10, 22) / 100;
    e.notes = "第" + std::to_string(rng.between(12, 15)) + "次妇女代表大会";
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace jinguo::demo
