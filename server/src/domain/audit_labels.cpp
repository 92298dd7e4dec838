#include "domain/audit_labels.h"

#include <utility>

namespace jinguo::domain {

namespace {

using Labels = std::pair<std::string_view, std::string_view>;

constexpr Labels kActions[] = {
    {"create", "新建"},      {"update", "修改"},        {"delete", "删除"},         {"correct", "更正"},
    {"end", "结束任职"},     {"move", "移动"},          {"close", "关闭"},          {"login", "登录"},
    {"logout", "退出"},      {"login_failed", "登录失败"}, {"reveal", "查看完整信息"}, {"password_change", "修改密码"},
    {"session_end", "结束会话"}, {"export", "导出"},     {"import", "导入"},         {"schedule", "安排生效"},
    {"rename", "更名"},      {"convert", "改建"},      {"merge", "撤并"},
    {"submit", "上报"},      {"accept", "审核通过"},   {"return", "退回"},         {"remind", "催报"},
    {"draw", "抽取"},        {"record", "记录"},
    {"attach", "上传附件"},  {"detach", "删除附件"},   {"add", "添加"},            {"remove", "移除"},
    {"save", "保存草稿"},
    {"issue", "颁发"},       {"print", "打印"},        {"revoke", "撤销"},
    {"assess", "考核"},      {"decide_manner", "确定任职方式"}, {"withdraw", "撤回"},
    {"confirm", "会议表决"},  {"appoint", "任职"},    {"send", "报送"},  {"acknowledge", "确认"},
    {"publish", "发布"},
};

constexpr Labels kEntities[] = {
    {"organisation", "组织"},         {"person", "人员"},          {"position", "职务"},
    {"dictionary_entry", "字典项"},   {"account", "账号"},         {"session", "会话"},
    {"rule_set", "配备标准"},         {"rule_set_schedule", "标准生效安排"}, {"import", "导入"},
    {"outstanding_woman", "优秀女性档案"}, {"social_organisation", "妇女社会组织档案"},
    {"contact", "工作联系人"},       {"reelection", "换届"},
    {"campaign", "工作"},             {"milestone", "上报事项"},   {"submission", "上报材料"},
    {"reminder", "催报"},           {"spot_check", "抽查"},
    {"campaign_group", "领导小组"},   {"score_scheme", "考核方案"},   {"campaign_pilot", "示范点"},
    {"submission_draft", "报送草稿"},
    {"certificate", "证书"},          {"certificate_prefix", "证书编号前缀"},
    {"womens_meeting", "妇女群众会议"}, {"filing", "备案"},
    {"submission_draft", "报送草稿"},  {"nomination", "提名"},
    {"notice", "招募公告"},
};

constexpr Labels kFields[] = {
    {"password_changed_at", "密码修改时间"}, {"account_id", "账号"},        {"reason", "理由"},
    {"name", "姓名"},                     {"id_number", "身份证号"},      {"birth_date", "出生日期"},
    {"sex", "性别"},                      {"ethnicity", "民族"},          {"political_status", "政治面貌"},
    {"education", "学历"},                {"work_unit", "工作单位"},      {"job_title", "职务（单位内）"},
    {"mobile", "手机号码"},               {"office_phone", "办公电话"},   {"notes", "备注"},
    {"organisation_id", "组织"},          {"person_id", "人员"},          {"role", "职务"},
    {"manner", "任职方式"},               {"source", "来源类别"},         {"start_on", "任职日期"},
    {"end_on", "结束日期"},               {"end_reason", "结束原因"},     {"override_reason", "强制任命理由"},
    {"overridden_findings", "被越过的配备标准"}, {"parent_id", "上级组织"}, {"type", "组织类型"},
    {"division_code", "行政区划代码"},    {"pilot", "示范点"},            {"established_on", "成立日期"},
    {"closed_on", "关闭日期"},            {"username", "用户名"},         {"active", "启用"},
    {"password", "密码"},                 {"field", "字段"},              {"kind", "类型"},
    {"rows", "行数"},                     {"full_personal_data", "完整个人信息"}, {"on", "日期"},
    {"honour", "荣誉称号"},               {"year", "年份"},               {"head_name", "负责人"},
    {"into_id", "并入组织"},              {"moved_children", "移入的下级组织数"}, {"moved_members", "转入的成员数"},
    {"ended_positions", "结束的任职数"},
    {"milestone_id", "上报事项"},         {"version", "版本"},            {"sha256", "SHA-256"},
    {"days_late", "逾期天数"},            {"failing_bodies", "不符合配备标准的组织数"},
    {"seed", "随机种子"},                 {"sample_size", "抽查数量"},    {"sample", "抽中的组织"},
    {"finding", "检查结果"},              {"differences", "发现的差异"},  {"checked_on", "检查日期"},
    {"campaign_id", "工作"},            {"explanation", "说明"},        {"state", "状态"},
    {"note", "留言"},                     {"title", "事项名称"},          {"level", "上报层级"},
    {"due_on", "截止日期"},               {"report_on", "统计日期"},      {"document_number", "文号"},
    {"document_date", "发文日期"},        {"baseline_on", "基准日期"},    {"form", "附表"},
    {"member_count", "成员数"},           {"contact", "联系电话"},        {"founded_on", "成立日期"},
    {"file_name", "文件名"},              {"within", "范围"},             {"q", "查询"},
    {"status", "任职状态"},               {"from", "起始日期"},           {"to", "截止日期"},
    {"action", "操作"},                   {"entity", "对象"},             {"person", "人员"},
    {"account", "账号"},                  {"sha256", "文件指纹"},         {"valid", "有效行数"},
    {"invalid", "错误行数"},              {"skipped", "跳过行数"},        {"unchanged", "未变行数"},
    {"created_people", "新增人员"},       {"updated_people", "更新人员"}, {"created_positions", "新增任职"},
    {"created_entries", "新增档案"},      {"updated_entries", "更新档案"},  {"organisation_kind", "组织类型"},
    {"post", "职务（联系人）"},           {"email", "电子邮箱"},          {"held_on", "换届日期"},
    {"term_years", "任期（年）"},         {"delegates", "代表人数"},      {"delegates_minority", "少数民族代表人数"},
    {"delegates_party", "中共党员代表人数"}, {"delegates_grassroots", "基层代表人数"},
    {"delegates_under_35", "35岁及以下代表人数"},
    {"office", "领导小组办公室"},         {"document_text", "文件内容"},  {"attachment_id", "附件"},
    {"size", "文件大小"},                 {"items", "考核项目"},           {"text", "书面材料"},
    {"number", "证书编号"},               {"holder", "持证人"},            {"prints", "打印次数"},
    {"prefix", "证书编号前缀"},           {"revoked_on", "撤销日期"},      {"revoke_reason", "撤销原因"},
    {"position_id", "任职"},
    {"place", "会议地点"},               {"attendance", "参会人数"},       {"outcomes", "表决结果"},
    {"recipient", "备案单位类别"},       {"recipient_name", "备案单位"},   {"sent_on", "报送日期"},
    {"reference", "文号"},
    {"channel", "提名方式"},              {"nominated_by", "提名人"},       {"statement", "提名理由"},
    {"step", "选聘环节"},                 {"passed", "考核结果"},
    {"coverage", "招募范围"},             {"places", "招募名额"},           {"duties", "岗位职责"},
    {"conditions", "聘任条件"},           {"how_to_apply", "报名方式"},     {"deadline", "报名截止日期"},
    {"notice_id", "招募公告"},
};

template <std::size_t N>
std::string label_in(const Labels (&labels)[N], std::string_view code) {
  for (const auto& [c, label] : labels)
    if (c == code) return std::string(label);
  return std::string(code);
}

}  // namespace

std::string audit_action_label(std::string_view action) { return label_in(kActions, action); }
std::string audit_entity_label(std::string_view entity) { return label_in(kEntities, entity); }
std::string audit_field_label(std::string_view field) { return label_in(kFields, field); }

}  // namespace jinguo::domain
