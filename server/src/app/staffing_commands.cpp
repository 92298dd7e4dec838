#include "app/staffing_commands.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "domain/clock.h"
#include "http/staffing_dto.h"
#include "services/rule_set_json.h"
#include "storage/held_index.h"
#include "services/staffing.h"
#include "storage/database.h"

namespace jinguo::app {

namespace {

services::Actor cli_actor() {
  const char* user = ::getlogin();
  services::Actor actor;
  actor.name = std::string("cli:") + (user ? user : "unknown");
  return actor;
}

std::string counts_row(const domain::staffing::ComplianceCounts& c) {
  std::ostringstream out;
  out << std::setw(7) << c.bodies << std::setw(7) << c.meets << std::setw(7) << c.short_staffed << std::setw(7)
      << c.over_staffed << std::setw(7) << c.seats_missing;
  return out.str();
}

// Pads a label to `width` columns, counting a Chinese character as two.
std::string pad(const std::string& label, std::size_t width) {
  std::size_t columns = 0;
  for (std::size_t i = 0; i < label.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(label[i]);
    if (c < 0x80) ++columns;
    else if (c >= 0xE0) columns += 2;  // lead byte of a 3-byte (CJK) character
  }
  return label + std::string(columns < width ? width - columns : 1, ' ');
}

void print_side(const services::ComplianceSide& side, const std::map<domain::OrganisationId, std::string>& districts) {
  std::cout << side.on.iso() << "  规则集 / rule set: " << side.rule_set_name << " (" << side.rule_set.code << " v"
            << side.rule_set.version << ")\n";
  std::cout << pad("层级 / level", 24) << "  组织数   达标   不足   超编 缺席位\n";
  for (const auto& [type, c] : side.rollup.by_body_type)
    std::cout << pad(std::string(domain::body_type_label(type)), 24) << counts_row(c) << "\n";
  for (const auto& [id, c] : side.rollup.by_district) {
    auto name = districts.find(id);
    std::cout << pad("  " + (name == districts.end() ? std::to_string(id) : name->second), 24) << counts_row(c)
              << "\n";
  }
  std::cout << pad("合计 / total", 24) << counts_row(side.rollup.overall) << "\n\n";
}

void print_text(const services::ComplianceReport& r) {
  std::cout << "基线 / baseline (before expansion): ";
  print_side(r.baseline, r.district_names);
  std::cout << "检查日 / on (after expansion): ";
  print_side(r.current, r.district_names);
  std::cout << "不达标组织 / failing bodies: " << r.failing.size() << "\n";
  for (const auto& b : r.failing) {
    std::cout << (b.status == domain::staffing::ComplianceStatus::kOver ? "[超编 over]  " : "[不足 short] ") << b.body.name
              << " (#" << b.body.id << ")\n";
    for (const auto& f : b.findings) {
      std::string message = f.message_zh;
      if (f.person_id)
        if (auto it = r.context.people.find(*f.person_id); it != r.context.people.end())
          message += "（" + it->second + "）";
      std::cout << "    " << message << "  [" << f.rule << "]\n";
    }
  }
}

}  // namespace

int check(const Config& config, const CheckOptions& options) {
  storage::Database db({config.database, 1});
  db.migrate();
  std::unique_ptr<storage::HeldIndex> index;
  if (config.forms_index) index = std::make_unique<storage::HeldIndex>();
  // --timing times the count itself each time: no report kept between the runs
  services::Staffing staffing(db, domain::today_in_china, index.get(), !options.timing);
  auto timed = [&] {
    auto started = std::chrono::steady_clock::now();
    auto report = staffing.ComplianceOf(domain::Scope::whole_tree(), options.within, options.on, std::nullopt);
    return std::pair{std::move(report),
                     std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count()};
  };
  auto [kept, first] = timed();
  const services::ComplianceReport& report = *kept;
  std::vector<double> warm;  // --timing: the same check again, as a running server would answer it
  const std::clock_t cpu_before = std::clock();  // CPU time: what a loaded machine does not change
  for (int i = 0; options.timing && i < 9; ++i) warm.push_back(timed().second);
  const double warm_cpu = 1000.0 * static_cast<double>(std::clock() - cpu_before) / CLOCKS_PER_SEC / 9;
  std::sort(warm.begin(), warm.end());
  if (options.json)
    std::cout << http::dto::compliance(report, std::nullopt).dump(2) << "\n";
  else
    print_text(report);
  if (options.timing)
    std::cerr << "compliance: " << std::fixed << std::setprecision(1) << "first " << first << " ms, warm best "
              << warm.front() << " ms, median " << warm[warm.size() / 2] << " ms, CPU " << warm_cpu << " ms a run ("
              << report.current.rollup.overall.bodies << " bodies, baseline and " << report.current.on.iso() << ", "
              << db.backend_name() << (index ? ", index" : ", SQL") << ")\n";
  return report.failing.empty() ? 0 : kExitFindings;
}

int rule_set_load(const Config& config, const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    std::cerr << "无法读取文件 / cannot read " << file << "\n";
    return 2;
  }
  std::ostringstream text;
  text << in.rdbuf();
  auto set = services::rule_set_from_text(text.str());
  storage::Database db({config.database, 1});
  db.migrate();
  services::Staffing staffing(db, domain::today_in_china);
  auto saved = staffing.SaveRuleSet(cli_actor(), set);
  std::cout << "规则集已保存 / rule set stored: " << saved.set.code << " v" << saved.set.version << " "
            << saved.set.name << "\n";
  return 0;
}

int rule_set_schedule(const Config& config, const std::string& code, int version, const domain::Date& from) {
  storage::Database db({config.database, 1});
  db.migrate();
  services::Staffing staffing(db, domain::today_in_china);
  for (const auto& e : staffing.ScheduleRuleSet(cli_actor(), from, code, version))
    std::cout << e.effective_from.iso() << "  " << e.rule_set.code << " v" << e.rule_set.version << "  " << e.name
              << "\n";
  return 0;
}

}  // namespace jinguo::app
