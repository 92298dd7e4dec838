#include "demo/campaign.h"

namespace jinguo::demo {

namespace {

using namespace domain::campaign;

Milestone due(const char* title, MilestoneKind kind, std::optional<int> form, Level level, const char* on, int order) {
  Milestone m;
  m.title = title;
  m.kind = kind;
  m.form = form;
  m.level = level;
  m.due_on = *domain::Date::parse(on);
  m.sort_order = order;
  return m;
}

GroupMember member(const char* name, GroupRole role, const char* post, int order) {
  GroupMember m;
  m.name = name;
  m.role = role;
  m.post = post;
  m.sort_order = order;
  return m;
}

}  // namespace

CampaignPlan harbin_campaign() {
  CampaignPlan plan;
  plan.campaign.name = "2016年扩大基层妇联组织成员工作";
  plan.campaign.document_number = "哈妇发〔2016〕8号";
  plan.campaign.document_date = domain::Date(2016, 6, 2);
  plan.campaign.document_text = "关于扩大基层妇联组织成员的工作方案";
  plan.campaign.baseline_on = domain::Date(2016, 6, 1);
  plan.milestones = {
      due("附表1 工作联系人信息表（收到后立即报送）", MilestoneKind::kForm, 1, Level::kDistrict, "2016-06-03", 10),
      due("附表2 换届、执常委及代表情况统计表", MilestoneKind::kForm, 2, Level::kDistrict, "2016-06-20", 20),
      due("附表3 兼职副主席和执常委人员登记表", MilestoneKind::kForm, 3, Level::kDistrict, "2016-06-20", 30),
      due("示范点扩大后的基层妇联组织基本情况", MilestoneKind::kForm, 4, Level::kPilot, "2016-06-25", 40),
      due("全面完成扩大基层妇联组织成员工作", MilestoneKind::kDeadline, std::nullopt, Level::kDistrict, "2016-08-31", 50),
      due("附表4 扩大基层妇联组织成员情况统计表", MilestoneKind::kForm, 4, Level::kDistrict, "2016-09-20", 60),
      due("附表5 扩大后基层妇联干部基本情况统计表", MilestoneKind::kForm, 5, Level::kDistrict, "2016-09-20", 70),
      due("好的做法、经验和成效", MilestoneKind::kAccount, std::nullopt, Level::kDistrict, "2016-09-20", 80),
  };
  plan.campaign.office = "领导小组办公室设在市妇联组织联络部，负责日常工作";
  plan.group = {
      member("王丽华", GroupRole::kLeader, "市妇联主席", 10),
      member("张秀英", GroupRole::kDeputy, "市妇联副主席", 20),
      member("李淑梅", GroupRole::kDeputy, "市委组织部组织二处处长", 30),
      member("刘红", GroupRole::kMember, "市妇联组织联络部部长", 40),
      member("陈静", GroupRole::kMember, "市妇联办公室主任", 50),
      member("赵玉芬", GroupRole::kMember, "市妇联宣传部部长", 60),
  };
  plan.scheme = {
      {"compliance", "组织建设达标（8月31日）", 40, std::nullopt, domain::Date(2016, 8, 31)},
      {"timeliness", "附表1按时报送", 10, 0, std::nullopt},
      {"timeliness", "附表2按时报送", 10, 1, std::nullopt},
      {"timeliness", "附表4按时报送", 10, 5, std::nullopt},
      {"spot_check", "抽查核实", 15, std::nullopt, std::nullopt},
      {"accepted", "书面总结被采纳", 15, 7, std::nullopt},
  };
  return plan;
}

}  // namespace jinguo::demo
