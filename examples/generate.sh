#!/usr/bin/env bash
# Regenerates the example cases in examples/cases/ by driving the real salesflow CLI, so every
# case file is one the tool itself wrote and accepts. Run from anywhere:
#
#   examples/generate.sh
#
# It deletes examples/cases/*.yaml, then registers 14 cases of the fictional company ACME and
# records their history (September to November 2026). Every command runs with the clock pinned
# to NOW below; view the result the same way:
#
#   ./salesflow -w examples list --now 2026-11-26T18:00:00+08:00
#
# Timestamps without an offset are read in the workspace time zone (Asia/Shanghai, +08:00);
# a few events of foreign customers carry their local offset (+01:00, +02:00, +11:00).
#
# What the cases demonstrate (as of NOW):
#   ACME-2026-001  delivery     contract 1,850,000 above the 1,000,000 threshold: general
#                               manager's approval before contract_signed; weekly updates on time
#   ACME-2026-002  negotiation  rework: internal review rejected the solution -> back to needs
#                               with a reason -> solution approved on the second review
#   ACME-2026-003  closed       the whole process, incl. a problem Q-1 answered and solved in time
#   ACME-2026-004  lost         lost in negotiation, with a reason
#   ACME-2026-005  lead         OVERDUE: registered 2026-11-18 (priority B), never contacted
#   ACME-2026-006  lead         on time: contacted, meeting today, needs record not yet due;
#                               an estimated value (report forecast)
#   ACME-2026-007  needs        OVERDUE: meeting 2026-11-23, no requirements_recorded within 24 h
#   ACME-2026-008  needs        on time; an estimated value (report forecast)
#   ACME-2026-009  solution     on time
#   ACME-2026-010  delivery     OVERDUE: last progress_update 2026-11-12 (more than 7 days)
#   ACME-2026-011  after_sales  OVERDUE: delivery accepted 2026-11-20, no after-sales contact
#                               within 3 working days
#   ACME-2026-012  after_sales  OVERDUE: delivery accepted 2026-10-27, no survey within 15 days;
#                               problem Q-1 reported/answered/solved (paired by issue)
#   ACME-2026-013  after_sales  OVERDUE: problem Q-2 reported today 09:30, not answered within 2 h
#                               (Q-1 answered and solved in time)
#   ACME-2026-014  solution     on time; an estimated value (report forecast)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
NOW="2026-11-26T18:00:00+08:00"

sf() { "$root/salesflow" -w "$here" --now "$NOW" --quiet "$@"; }

# ev CASE TYPE AT BY NOTE [KEY=VALUE ...]   records one event
ev() {
  local id=$1 type=$2 at=$3 by=$4 note=$5
  shift 5
  local sets=()
  for kv in "$@"; do sets+=(--set "$kv"); done
  sf log "$id" "$type" --at "$at" --by "$by" --note "$note" "${sets[@]}"
}

# adv CASE STAGE AT BY [REASON]   moves a case to another stage
adv() {
  local id=$1 to=$2 at=$3 by=$4
  shift 4
  if [ $# -gt 0 ]; then
    sf advance "$id" --to "$to" --at "$at" --by "$by" --reason "$1"
  else
    sf advance "$id" --to "$to" --at "$at" --by "$by"
  fi
}

# comment CASE LINE...   puts comment lines at the top of a case file (the tool keeps them)
comment() {
  local file="$here/cases/$1.yaml"
  shift
  { printf '# %s\n' "$@"; cat "$file"; } >"$file.tmp"
  mv "$file.tmp" "$file"
}

mkdir -p "$here/cases"
rm -f "$here"/cases/*.yaml

# People besides the four sales reps (zhang.wei, li.na, chen.jing, wang.fang):
#   liu.yang sales manager · zhao.min product manager · tang.jie technical support engineer
#   xu.lei supply chain · wu.fei finance · gao.yan legal · zheng.hua general manager
#   ma.lin order specialist · he.jun after-sales specialist

###############################################################################################
# ACME-2026-001 — contract above the approval threshold; now in delivery, on time
C=ACME-2026-001
sf register --id $C --company "苏州精工机械有限公司" --industry machinery --size "约 600 人" \
  --contact-name "王磊" --contact-title "采购经理" --phone "+86 512 5555 0101" --email "wanglei@jinggong-sz.com.cn" \
  --source exhibition --priority A --owner zhang.wei \
  --need "五轴加工中心柔性生产线：2 台五轴机床 + 机器人自动上下料 + MES 对接" --at 2026-09-02T10:00
comment $C "Example: a contract of 1,850,000 (above approval_threshold 1,000,000) needs the general" \
  "manager's approval before contract_signed; see the approval events of 2026-10-09/10."
ev $C contacted 2026-09-02T15:30 zhang.wei "展会后电话回访王经理，约定下周上门拜访" channel=phone
ev $C meeting 2026-09-07T10:00 zhang.wei "上门拜访苏州工厂，与王经理及生产部沟通：换型时间长、夜班人手不足" channel=onsite
adv $C needs 2026-09-07T17:00 zhang.wei
ev $C requirements_recorded 2026-09-08T09:30 zhang.wei "需求沟通记录（表2）：箱体件年产约 3 万件，节拍 ≤ 12 分钟/件，夜班 8 小时无人化"
ev $C requirements_confirmed 2026-09-10T11:00 zhang.wei "王经理邮件确认需求记录，无修改"
ev $C analysis_reported 2026-09-14T16:00 liu.yang "需求分析报告：推荐 2 台五轴 + 6 工位料库 + 机器人上下料；风险：客户 MES 为自研系统"
adv $C solution 2026-09-14T17:00 liu.yang
ev $C solution_drafted 2026-09-17T18:00 zhao.min "方案初稿 V1.0：产线布局、设备清单、节拍仿真"
ev $C feasibility_checked 2026-09-18T16:00 tang.jie "技术可行性：仿真节拍 10.5 分钟/件，满足要求；MES 接口采用 OPC UA"
ev $C cost_checked 2026-09-21T11:00 xu.lei "交期 16 周（五轴主轴进口），成本核算完成"
ev $C price_reviewed 2026-09-22T15:00 wu.fei "报价 185 万元，毛利率 27%，财务审核通过"
ev $C solution_reviewed 2026-09-23T10:00 liu.yang "内部评审通过，形成解决方案书（表3）" result=approved
adv $C negotiation 2026-09-23T11:00 zhang.wei
ev $C negotiation_prepared 2026-09-24T17:00 zhang.wei "谈判清单：底价 178 万元；最长交期 18 周；不可让步：预付款 30%、质保金 10%"
ev $C meeting 2026-09-28T14:00 zhang.wei "第一轮商务谈判：客户要价 175 万元、交期 14 周，未达成一致" channel=onsite
ev $C meeting 2026-10-09T10:00 zhang.wei "第二轮商务谈判：价格 185 万元不变，赠送 1 年备件包，交期 16 周" channel=onsite
ev $C contract_reviewed 2026-10-09T16:00 gao.yan "法务审核：违约金上限调整为合同额 10%，其余条款通过"
ev $C approval 2026-10-09T17:30 liu.yang "销售经理审批通过" role=sales_manager
ev $C approval 2026-10-10T10:00 zheng.hua "合同额 185 万元，超过 100 万元审批线，总经理审批通过（10 月 10 日调休上班）" role=general_manager amount=1850000
ev $C contract_signed 2026-10-12T15:00 zhang.wei "合同签订，扫描件已归档（合同号 SZJG-2026-1012）" amount=1850000
adv $C delivery 2026-10-12T16:00 zhang.wei
ev $C order_created 2026-10-13T10:00 ma.lin "销售订单 SO-261013-01：五轴加工中心 2 台 + 机器人上下料单元；交货地址：苏州工业园区；联系人：王磊" model=ACME-5AX-650 quantity=2
ev $C order_reviewed 2026-10-13T15:00 ma.lin "订单专员审核通过"
ev $C order_routed 2026-10-14T09:00 ma.lin "定制产线，下达生产部排产" route=production
ev $C progress_update 2026-10-19T17:00 zhang.wei "床身铸件到厂，开始粗加工；已微信告知王经理"
ev $C progress_update 2026-10-26T17:00 zhang.wei "进口主轴已从德国发运"
ev $C progress_update 2026-11-02T17:00 zhang.wei "机床装配完成 40%，机器人单元到货"
ev $C delay_notified 2026-11-06T10:00 zhang.wei "主轴清关延误约 1 周，已提前电话并书面告知王经理，客户同意交期顺延至 2027-02-05"
ev $C progress_update 2026-11-09T17:00 zhang.wei "主轴到厂，开始总装"
ev $C progress_update 2026-11-16T17:00 zhang.wei "第 1 台总装完成，精度检测中"
ev $C progress_update 2026-11-23T17:00 zhang.wei "第 1 台精度检测合格；第 2 台总装完成 70%"

###############################################################################################
# ACME-2026-002 — rework: the internal review rejected the first solution; now in negotiation
C=ACME-2026-002
sf register --id $C --company "深圳华信电子科技有限公司" --industry electronics --size "约 1200 人" \
  --contact-name "刘倩" --contact-title "设备部经理" --phone "+86 755 5555 0202" --email "liuqian@huaxin-tech.com.cn" \
  --source online --priority A --owner li.na \
  --need "SMT 产线在线 3D AOI 检测设备 3 台，替换现有离线抽检" --at 2026-09-08T09:20
comment $C "Example: rework. The internal review of 2026-09-24 rejected the solution, so the case went" \
  "back to needs with a reason; the second solution was approved on 2026-10-21."
ev $C contacted 2026-09-08T14:00 li.na "官网询盘，电话联系刘经理：3 条 SMT 线计划第四季度升级" channel=phone
ev $C meeting 2026-09-10T10:00 li.na "视频会议介绍 AOI 方案，客户关注误报率和检测节拍" channel=video
adv $C needs 2026-09-10T15:00 li.na
ev $C requirements_recorded 2026-09-11T09:00 li.na "需求沟通记录（表2）：3 条线，板尺寸 ≤ 350×250 mm，节拍 ≤ 0.35 s/点，误报率 ≤ 300 ppm"
ev $C requirements_confirmed 2026-09-14T16:00 li.na "刘经理邮件确认需求记录"
ev $C analysis_reported 2026-09-16T11:00 liu.yang "需求分析报告：推荐 ACME-AOI-3D 标准型，需现场打样验证"
adv $C solution 2026-09-16T14:00 li.na
ev $C solution_drafted 2026-09-18T17:00 zhao.min "方案初稿 V1：3 台 3D AOI + 中央复判站"
ev $C feasibility_checked 2026-09-21T15:00 tang.jie "标准单相机配置实测节拍 0.42 s/点"
ev $C cost_checked 2026-09-22T11:00 xu.lei "交期 8 周，成本核算完成"
ev $C price_reviewed 2026-09-23T16:00 wu.fei "报价 96 万元，财务审核通过"
ev $C solution_reviewed 2026-09-24T10:00 liu.yang "内部评审未通过：标准配置节拍 0.42 s/点，达不到客户 0.35 s/点的要求；需与客户重新确认板型和检测点数" result=rejected
adv $C needs 2026-09-24T11:00 liu.yang "内部评审驳回：检测节拍不满足客户要求，退回需求阶段重新确认板型与检测点数"
ev $C meeting 2026-09-29T10:00 li.na "赴深圳工厂现场确认：实际检测点数约为原估计的 60%，客户接受双相机方案" channel=onsite
ev $C requirements_recorded 2026-09-29T18:00 li.na "需求沟通记录（修订版）：约 4800 点/板，双相机方案，节拍要求不变"
ev $C requirements_confirmed 2026-10-09T11:00 li.na "刘经理确认修订版需求记录"
ev $C analysis_reported 2026-10-12T16:00 liu.yang "补充分析：双相机方案可满足节拍，成本增加约 8%"
adv $C solution 2026-10-12T17:00 li.na
ev $C solution_drafted 2026-10-14T17:00 zhao.min "方案 V2：双相机 3D AOI + 中央复判站"
ev $C feasibility_checked 2026-10-16T15:00 tang.jie "客户板打样：0.31 s/点，误报率 180 ppm，满足要求"
ev $C cost_checked 2026-10-19T11:00 xu.lei "交期 9 周"
ev $C price_reviewed 2026-10-20T15:00 wu.fei "报价 98 万元，低于 100 万元审批线"
ev $C solution_reviewed 2026-10-21T10:00 liu.yang "复审通过，发送解决方案书 V2（表3）" result=approved
adv $C negotiation 2026-10-22T09:30 li.na
ev $C negotiation_prepared 2026-10-26T17:00 li.na "谈判清单：底价 92 万元；最长交期 10 周；不可让步：验收标准以打样报告为准"
ev $C meeting 2026-11-05T14:00 li.na "商务谈判：客户要求分两期付款，原则同意" channel=onsite
ev $C contract_reviewed 2026-11-20T16:00 gao.yan "法务审核：付款条款修改后通过，待客户盖章"

###############################################################################################
# ACME-2026-003 — the whole process, closed
C=ACME-2026-003
sf register --id $C --company "Nordic Pumps AB" --industry "industrial pumps" --size "250 employees" \
  --contact-name "Erik Lindqvist" --contact-title "Purchasing Manager" --phone "+46 31 555 0103" --email "erik.lindqvist@nordicpumps.se" \
  --source referral --priority B --owner chen.jing \
  --need "Investment-cast stainless steel (316L) impeller housings, about 2,000 pcs a year" --at 2026-09-01T16:00
ev $C contacted 2026-09-02T15:00 chen.jing "Answered Erik's e-mail (referred by our Hamburg agent); sent company profile and casting capabilities" channel=email
ev $C meeting 2026-09-08T09:00+02:00 chen.jing "Teams call with Erik and their quality engineer: drawings, tolerances, PPAP requirements" channel=video
adv $C needs 2026-09-08T17:00 chen.jing
ev $C requirements_recorded 2026-09-09T10:00 chen.jing "Needs record (Table 2): 3 housing sizes, 316L, tolerance CT7, PPAP level 3, first batch 500 pcs"
ev $C requirements_confirmed 2026-09-11T16:00 chen.jing "Erik confirmed the needs record by e-mail"
ev $C analysis_reported 2026-09-15T11:00 liu.yang "Needs analysis: fits our investment-casting line; CNC finishing by partner plant"
adv $C solution 2026-09-15T14:00 chen.jing
ev $C solution_drafted 2026-09-17T17:00 zhao.min "Solution draft: casting + CNC finishing; sea and air freight options"
ev $C feasibility_checked 2026-09-18T15:00 tang.jie "Sample housings measured within CT7"
ev $C cost_checked 2026-09-21T11:00 xu.lei "3 weeks from stock blanks; air freight to Gothenburg 1 week"
ev $C price_reviewed 2026-09-22T16:00 wu.fei "CNY 420,000 for the first batch of 500 pcs, margin 24%"
ev $C solution_reviewed 2026-09-23T10:00 liu.yang "Internal review passed; solution document (Table 3) sent" result=approved
adv $C negotiation 2026-09-23T11:00 chen.jing
ev $C negotiation_prepared 2026-09-24T16:00 chen.jing "Floor price CNY 400,000; longest lead time 5 weeks; non-negotiable: payment 30 days net, no consignment stock"
ev $C meeting 2026-09-29T10:00+02:00 chen.jing "Negotiation call: agreed CNY 420,000, DAP Gothenburg" channel=video
ev $C contract_reviewed 2026-10-09T11:00 gao.yan "Legal review passed (arbitration in Singapore)"
ev $C approval 2026-10-09T15:00 liu.yang "Below the approval threshold: the sales manager's approval suffices" role=sales_manager
ev $C contract_signed 2026-10-12T10:00 chen.jing "Signed; scanned copy filed as NP-2026-017" amount=420000
adv $C delivery 2026-10-12T11:00 chen.jing
ev $C order_created 2026-10-12T14:00 ma.lin "SO-261012-03; deliver to Nordic Pumps AB, Gothenburg; contact Erik Lindqvist" model=NP-IH-316L quantity=500
ev $C order_reviewed 2026-10-13T10:00 ma.lin "Order reviewed"
ev $C order_routed 2026-10-13T11:00 ma.lin "Finished housings from stock, air freight" route=logistics
ev $C progress_update 2026-10-16T17:00 chen.jing "Shipped by air freight, AWB 160-5555 0103; tracking sent to Erik"
ev $C progress_update 2026-10-22T17:00 chen.jing "Cleared customs in Gothenburg"
ev $C delivery_accepted 2026-10-27T10:00+01:00 chen.jing "Delivery acceptance form (Table 4) signed by Erik Lindqvist"
adv $C after_sales 2026-10-27T18:00 chen.jing
ev $C after_sales_contact 2026-10-28T16:00 chen.jing "Follow-up call: housings in incoming inspection, no findings so far" channel=video
ev $C issue_reported 2026-11-02T08:00+01:00 he.jun "3 housings show surface porosity on the flange" issue=Q-1
ev $C issue_responded 2026-11-02T16:10 he.jun "Answered: asked for photos and lot numbers, replacements reserved" issue=Q-1
ev $C issue_resolved 2026-11-03T11:00 he.jun "3 replacement housings sent by courier; 8D report sent (Table 5)" issue=Q-1
ev $C survey_done 2026-11-06T10:00 chen.jing "Satisfaction survey: 9/10; praised the speed, asked for better packaging"
ev $C repeat_business 2026-11-10T15:00 chen.jing "Second batch of 500 pcs ordered for Q1 2027"
adv $C closed 2026-11-12T10:00 chen.jing

###############################################################################################
# ACME-2026-004 — lost in negotiation
C=ACME-2026-004
sf register --id $C --company "Bright Foods Ltd" --industry "food processing" --size "180 employees" \
  --contact-name "Sarah Mitchell" --contact-title "Operations Director" --phone "+44 113 555 0104" --email "sarah.mitchell@brightfoods.co.uk" \
  --source online --priority B --owner wang.fang \
  --need "Stainless-steel conveyors and a flow-wrap packing line for cereal bars, 120 packs/min" --at 2026-09-03T17:00
ev $C contacted 2026-09-04T16:30 wang.fang "Answered the web enquiry; sent references of two UK installations" channel=email
ev $C meeting 2026-09-09T09:00+01:00 wang.fang "Teams call with Sarah and their engineering lead: line layout, BRCGS hygiene requirements" channel=video
adv $C needs 2026-09-09T18:00 wang.fang
ev $C requirements_recorded 2026-09-10T10:00 wang.fang "Needs record (Table 2): 120 packs/min, IP69K wash-down, UKCA marking, installed by March 2027"
ev $C requirements_confirmed 2026-09-14T17:00 wang.fang "Sarah confirmed the needs record"
ev $C analysis_reported 2026-09-17T11:00 liu.yang "Needs analysis: standard flow-wrapper plus custom infeed; UKCA assessment adds 4 weeks"
adv $C solution 2026-09-17T14:00 wang.fang
ev $C solution_drafted 2026-09-21T17:00 zhao.min "Solution draft: infeed, flow-wrapper, checkweigher, case packer"
ev $C feasibility_checked 2026-09-22T16:00 tang.jie "Feasible; UKCA route confirmed with the approved body"
ev $C cost_checked 2026-09-24T11:00 xu.lei "Lead time 14 weeks including sea freight"
ev $C price_reviewed 2026-09-28T15:00 wu.fei "Quote CNY 760,000, margin 22%"
ev $C solution_reviewed 2026-09-29T10:00 liu.yang "Internal review passed" result=approved
adv $C negotiation 2026-09-29T11:00 wang.fang
ev $C negotiation_prepared 2026-09-30T16:00 wang.fang "Floor price CNY 720,000; longest lead time 16 weeks; non-negotiable: 30% advance payment"
ev $C meeting 2026-10-14T09:00+01:00 wang.fang "Negotiation call: customer asks for 10% off and a 10-week lead time" channel=video
ev $C note 2026-10-21T17:00 wang.fang "Customer holds a competing quote from a UK supplier; our best offer CNY 720,000 is the floor price"
adv $C lost 2026-10-28T10:00 wang.fang "Customer chose a local UK supplier: about 12% cheaper and 4 weeks shorter lead time; our offer was already at the floor price"

###############################################################################################
# ACME-2026-005 — OVERDUE: a lead registered on 2026-11-18 that nobody has contacted
C=ACME-2026-005
sf register --id $C --company "杭州绿源环保科技有限公司" --industry "environmental protection" --size "约 150 人" \
  --contact-name "周婷" --contact-title "采购主管" --phone "+86 571 5555 0105" --email "zhouting@lvyuan-env.com.cn" \
  --source online --priority B --owner wang.fang \
  --need "污水处理站加药计量泵 12 台，含控制柜" --at 2026-11-18T10:30

###############################################################################################
# ACME-2026-006 — a new lead, on time: contacted the same day, meeting today
C=ACME-2026-006
sf register --id $C --company "Meridian Packaging Pte Ltd" --industry packaging --size "400 employees" \
  --contact-name "Tan Wei Ming" --contact-title "Procurement Manager" --phone "+65 6555 0106" --email "weiming.tan@meridianpack.com.sg" \
  --source exhibition --priority A --owner chen.jing \
  --need "Servo carton erector and case packer for a new FMCG line" --at 2026-11-24T11:00
ev $C contacted 2026-11-24T16:00 chen.jing "Thank-you e-mail after the trade fair with brochure; video call booked for Thursday" channel=email
ev $C meeting 2026-11-26T10:00 chen.jing "Video call with Tan Wei Ming: 3 SKUs, 25 cases/min, floor space 6 x 4 m" channel=video
ev $C estimated 2026-11-26T11:30 chen.jing "First estimate after the call: erector and case packer, about CNY 1.2 million" amount=1200000

###############################################################################################
# ACME-2026-007 — OVERDUE: meeting on 2026-11-23, needs record not filed within 24 h
C=ACME-2026-007
sf register --id $C --company "成都天府医疗器械有限公司" --industry "medical devices" --size "约 900 人" \
  --contact-name "赵敏" --contact-title "生产部经理" --phone "+86 28 5555 0107" --email "zhaomin@tianfu-med.com.cn" \
  --source referral --priority A --owner zhang.wei \
  --need "无菌注塑车间洁净输送线改造（十万级洁净区）" --at 2026-11-16T09:30
ev $C contacted 2026-11-16T14:00 zhang.wei "老客户转介绍，电话联系赵经理，约定现场拜访" channel=phone
ev $C meeting 2026-11-23T14:00 zhang.wei "成都工厂现场勘查：3 条注塑线至包装间的洁净输送，需满足 GMP 要求" channel=onsite
adv $C needs 2026-11-23T18:00 zhang.wei
ev $C note 2026-11-25T10:00 zhang.wei "赵经理来电询问方案进度"

###############################################################################################
# ACME-2026-008 — needs analysis, on time
C=ACME-2026-008
sf register --id $C --company "宁波东海汽车零部件有限公司" --industry "automotive parts" --size "约 2000 人" \
  --contact-name "孙浩" --contact-title "设备科科长" --phone "+86 574 5555 0108" --email "sunhao@donghai-auto.com.cn" \
  --source research --priority B --owner li.na \
  --need "铝压铸件去毛刺机器人工作站 2 套" --at 2026-11-02T10:00
ev $C contacted 2026-11-03T10:30 li.na "市场调研名单中的重点客户，电话联系孙科长，对去毛刺自动化有明确需求" channel=phone
ev $C meeting 2026-11-12T09:30 li.na "拜访宁波工厂：现有人工去毛刺每班 12 人，粉尘和质量一致性问题突出" channel=onsite
adv $C needs 2026-11-12T16:00 li.na
ev $C requirements_recorded 2026-11-13T09:00 li.na "需求沟通记录（表2）：壳体类压铸件 6 种，节拍 45 s/件，需防爆除尘"
ev $C requirements_confirmed 2026-11-19T15:00 li.na "孙科长签字确认需求记录"
ev $C estimated 2026-11-20T10:00 li.na "孙科长透露预算：两套去毛刺工作站约 160 万元" amount=1600000

###############################################################################################
# ACME-2026-009 — solution being prepared, on time
C=ACME-2026-009
sf register --id $C --company "Alpine Dairy GmbH" --industry dairy --size "320 employees" \
  --contact-name "Markus Huber" --contact-title "Head of Engineering" --phone "+43 662 555 0109" --email "markus.huber@alpinedairy.at" \
  --source exhibition --priority B --owner chen.jing \
  --need "Hygienic (EHEDG) centrifugal pumps and valve clusters for a new yoghurt line" --at 2026-10-12T15:00
ev $C contacted 2026-10-13T16:00 chen.jing "Follow-up to our talk at the trade fair; sent EHEDG certificates" channel=email
ev $C meeting 2026-10-20T09:00+02:00 chen.jing "Teams call with Markus: 14 pumps, 6 valve clusters, CIP at 85 °C" channel=video
adv $C needs 2026-10-20T17:00 chen.jing
ev $C requirements_recorded 2026-10-21T10:00 chen.jing "Needs record (Table 2): EHEDG and 3-A certified, delivery before line start-up in April 2027"
ev $C requirements_confirmed 2026-10-26T17:00 chen.jing "Markus confirmed the needs record"
ev $C analysis_reported 2026-11-02T11:00 liu.yang "Needs analysis: standard pump range fits; valve clusters need a custom manifold"
adv $C solution 2026-11-02T14:00 chen.jing
ev $C solution_drafted 2026-11-09T17:00 zhao.min "Solution draft: 14 pumps ACME-HP-50, 6 valve clusters, P&ID"
ev $C feasibility_checked 2026-11-13T15:00 tang.jie "Manifold design checked for drainability"
ev $C cost_checked 2026-11-18T11:00 xu.lei "Lead time 12 weeks, cost calculated"

###############################################################################################
# ACME-2026-010 — OVERDUE: in delivery, last progress update on 2026-11-12
C=ACME-2026-010
sf register --id $C --company "无锡新材纺织有限公司" --industry textiles --size "约 700 人" \
  --contact-name "钱峰" --contact-title "设备部主任" --phone "+86 510 5555 0110" --email "qianfeng@xincai-textile.com.cn" \
  --source referral --priority B --owner wang.fang \
  --need "染整车间自动称量配料系统 1 套（染料 + 助剂）" --at 2026-09-07T10:00
ev $C contacted 2026-09-07T15:00 wang.fang "同行业客户转介绍，电话联系钱主任" channel=phone
ev $C meeting 2026-09-10T10:00 wang.fang "拜访无锡工厂：人工称料误差大，批次色差投诉多" channel=onsite
adv $C needs 2026-09-10T16:00 wang.fang
ev $C requirements_recorded 2026-09-11T09:30 wang.fang "需求沟通记录（表2）：染料 60 种、助剂 20 种，称量精度 ±0.1 g，对接现有 ERP"
ev $C requirements_confirmed 2026-09-15T15:00 wang.fang "钱主任确认需求记录"
ev $C analysis_reported 2026-09-17T11:00 liu.yang "需求分析报告：粉体 + 液体双系统，ERP 接口需客户 IT 配合"
adv $C solution 2026-09-17T14:00 wang.fang
ev $C solution_drafted 2026-09-22T17:00 zhao.min "方案初稿：自动称量配料系统 ACME-DS-40"
ev $C feasibility_checked 2026-09-23T15:00 tang.jie "称量精度与 ERP 接口评估可行"
ev $C cost_checked 2026-09-24T11:00 xu.lei "交期 8 周"
ev $C price_reviewed 2026-09-28T15:00 wu.fei "报价 68 万元，财务审核通过"
ev $C solution_reviewed 2026-09-29T10:00 liu.yang "内部评审通过" result=approved
adv $C negotiation 2026-09-29T11:00 wang.fang
ev $C negotiation_prepared 2026-09-30T16:00 wang.fang "谈判清单：底价 64 万元；最长交期 10 周；不可让步：现场调试费另计"
ev $C meeting 2026-10-13T14:00 wang.fang "商务谈判：价格 68 万元，含调试培训，交期 8 周" channel=onsite
ev $C contract_reviewed 2026-10-13T17:00 gao.yan "法务审核通过"
ev $C approval 2026-10-14T10:00 liu.yang "销售经理审批通过" role=sales_manager
ev $C contract_signed 2026-10-15T11:00 wang.fang "合同签订，扫描件已归档" amount=680000
adv $C delivery 2026-10-15T16:00 wang.fang
ev $C order_created 2026-10-16T10:00 ma.lin "销售订单 SO-261016-02；交货地址：无锡市锡山区；联系人：钱峰" model=ACME-DS-40 quantity=1
ev $C order_reviewed 2026-10-16T15:00 ma.lin "订单专员审核通过"
ev $C order_routed 2026-10-19T09:00 ma.lin "定制系统，下达生产部" route=production
ev $C progress_update 2026-10-22T17:00 wang.fang "机架焊接完成"
ev $C progress_update 2026-10-29T17:00 wang.fang "称量模块采购中"
ev $C progress_update 2026-11-05T17:00 wang.fang "液体配料单元组装完成"
ev $C progress_update 2026-11-12T17:00 wang.fang "控制柜组装完成，等待称量传感器到货"

###############################################################################################
# ACME-2026-011 — OVERDUE: delivery accepted on 2026-11-20 (Friday), no after-sales contact since
C=ACME-2026-011
sf register --id $C --company "佛山美达家居制造有限公司" --industry furniture --size "约 500 人" \
  --contact-name "黄丽" --contact-title "采购经理" --phone "+86 757 5555 0111" --email "huangli@meida-home.com.cn" \
  --source exhibition --priority B --owner li.na \
  --need "板式家具封边线自动上下料及回流系统 2 套" --at 2026-09-09T11:00
ev $C contacted 2026-09-09T15:00 li.na "家具展后电话回访黄经理" channel=phone
ev $C meeting 2026-09-14T10:00 li.na "拜访佛山工厂：封边线上下料每线 4 人，板件易磕碰" channel=onsite
adv $C needs 2026-09-14T17:00 li.na
ev $C requirements_recorded 2026-09-15T09:00 li.na "需求沟通记录（表2）：2 条封边线，板件最大 2800×1200 mm，节拍 12 片/分钟"
ev $C requirements_confirmed 2026-09-17T16:00 li.na "黄经理确认需求记录"
ev $C analysis_reported 2026-09-21T11:00 liu.yang "需求分析报告：吸盘式上料 + 回流输送，可减员 6 人"
adv $C solution 2026-09-21T14:00 li.na
ev $C solution_drafted 2026-09-23T17:00 zhao.min "方案初稿：上下料机器人 + 回流线布局"
ev $C feasibility_checked 2026-09-24T15:00 tang.jie "板件吸附测试通过"
ev $C cost_checked 2026-09-28T11:00 xu.lei "交期 6 周"
ev $C price_reviewed 2026-09-29T15:00 wu.fei "报价 56 万元，财务审核通过"
ev $C solution_reviewed 2026-09-30T10:00 liu.yang "内部评审通过" result=approved
adv $C negotiation 2026-09-30T11:00 li.na
ev $C negotiation_prepared 2026-10-09T16:00 li.na "谈判清单：底价 52 万元；最长交期 7 周；不可让步：预付款 30%"
ev $C contract_reviewed 2026-10-12T16:00 gao.yan "法务审核通过"
ev $C approval 2026-10-13T10:00 liu.yang "销售经理审批通过" role=sales_manager
ev $C contract_signed 2026-10-14T11:00 li.na "合同签订，扫描件已归档" amount=560000
adv $C delivery 2026-10-14T16:00 li.na
ev $C order_created 2026-10-15T10:00 ma.lin "销售订单 SO-261015-01；交货地址：佛山市顺德区；联系人：黄丽" model=ACME-LU-2800 quantity=2
ev $C order_reviewed 2026-10-15T15:00 ma.lin "订单专员审核通过"
ev $C order_routed 2026-10-16T09:00 ma.lin "定制设备，下达生产部" route=production
ev $C progress_update 2026-10-21T17:00 li.na "机架与输送段加工中"
ev $C progress_update 2026-10-28T17:00 li.na "第 1 套装配完成"
ev $C progress_update 2026-11-04T17:00 li.na "第 2 套装配完成，厂内联调"
ev $C progress_update 2026-11-11T17:00 li.na "出厂验收通过，预约发货"
ev $C progress_update 2026-11-17T17:00 li.na "设备已发运，现场安装调试中"
ev $C delivery_accepted 2026-11-20T15:00 li.na "交付验收单（表4）由黄经理签字"
adv $C after_sales 2026-11-20T17:00 li.na

###############################################################################################
# ACME-2026-012 — OVERDUE: delivery accepted on 2026-10-27, no satisfaction survey; problem Q-1 handled in time
C=ACME-2026-012
sf register --id $C --company "天津渤海化工设备有限公司" --industry chemicals --size "约 400 人" \
  --contact-name "马骏" --contact-title "采购部副经理" --phone "+86 22 5555 0112" --email "majun@bohai-chem.com.cn" \
  --source research --priority A --owner zhang.wei \
  --need "防爆型隔膜计量泵及 PLC 控制柜 20 套" --at 2026-09-02T14:00
ev $C contacted 2026-09-03T10:00 zhang.wei "调研名单客户，电话联系马经理" channel=phone
ev $C meeting 2026-09-07T10:00 zhang.wei "拜访天津工厂：现有计量泵老化，需防爆改造" channel=onsite
adv $C needs 2026-09-07T16:00 zhang.wei
ev $C requirements_recorded 2026-09-08T09:00 zhang.wei "需求沟通记录（表2）：Ex d IIB T4，流量 0–500 L/h，精度 ±1%"
ev $C requirements_confirmed 2026-09-09T15:00 zhang.wei "马经理确认需求记录"
ev $C analysis_reported 2026-09-11T11:00 liu.yang "需求分析报告：隔膜计量泵 ACME-MP-500Ex，控制柜需正压防爆"
adv $C solution 2026-09-11T14:00 zhang.wei
ev $C solution_drafted 2026-09-14T17:00 zhao.min "方案初稿：20 套计量泵 + 控制柜"
ev $C feasibility_checked 2026-09-15T15:00 tang.jie "防爆认证覆盖，技术可行"
ev $C cost_checked 2026-09-16T11:00 xu.lei "交期 4 周"
ev $C price_reviewed 2026-09-17T15:00 wu.fei "报价 78 万元，财务审核通过"
ev $C solution_reviewed 2026-09-18T10:00 liu.yang "内部评审通过" result=approved
adv $C negotiation 2026-09-18T11:00 zhang.wei
ev $C negotiation_prepared 2026-09-21T16:00 zhang.wei "谈判清单：底价 74 万元；最长交期 5 周；不可让步：质保 12 个月"
ev $C meeting 2026-09-28T14:00 zhang.wei "商务谈判：价格 78 万元，质保 18 个月" channel=onsite
ev $C contract_reviewed 2026-09-30T16:00 gao.yan "法务审核通过"
ev $C approval 2026-10-09T10:00 liu.yang "销售经理审批通过" role=sales_manager
ev $C contract_signed 2026-10-09T15:00 zhang.wei "合同签订，扫描件已归档" amount=780000
adv $C delivery 2026-10-09T16:00 zhang.wei
ev $C order_created 2026-10-10T10:00 ma.lin "销售订单 SO-261010-01（10 月 10 日调休上班）；交货地址：天津滨海新区；联系人：马骏" model=ACME-MP-500Ex quantity=20
ev $C order_reviewed 2026-10-10T15:00 ma.lin "订单专员审核通过"
ev $C order_routed 2026-10-12T09:00 ma.lin "防爆控制柜定制，下达生产部" route=production
ev $C progress_update 2026-10-15T17:00 zhang.wei "计量泵总装完成 12 套"
ev $C progress_update 2026-10-21T17:00 zhang.wei "全部出厂检验合格，已发运"
ev $C delivery_accepted 2026-10-27T14:00 zhang.wei "交付验收单（表4）由马经理签字"
adv $C after_sales 2026-10-27T17:00 zhang.wei
ev $C after_sales_contact 2026-10-29T10:00 zhang.wei "电话回访马经理：设备运行正常" channel=phone
ev $C issue_reported 2026-11-03T09:15 he.jun "3 号泵流量波动超过 ±3%" issue=Q-1
ev $C issue_responded 2026-11-03T10:05 he.jun "已响应：远程指导检查背压阀设定" issue=Q-1
ev $C issue_resolved 2026-11-03T17:30 he.jun "工程师到场更换背压阀，流量恢复正常（表5）" issue=Q-1

###############################################################################################
# ACME-2026-013 — OVERDUE: problem Q-2 reported today 09:30 (+08:00), not answered within 2 h
C=ACME-2026-013
sf register --id $C --company "Sunrise Agritech Pty Ltd" --industry agriculture --size "150 employees" \
  --contact-name "Olivia Grant" --contact-title "Operations Manager" --phone "+61 2 5550 0113" --email "olivia.grant@sunriseagritech.com.au" \
  --source online --priority A --owner chen.jing \
  --need "Automatic seed-bagging and robotic palletising line, 20 bags/min" --at 2026-09-14T10:00
ev $C contacted 2026-09-14T13:00 chen.jing "Called Olivia after her web enquiry" channel=phone
ev $C meeting 2026-09-16T09:00 chen.jing "Video call: 25 kg bags, 3 seed varieties, palletising 40 bags per pallet" channel=video
adv $C needs 2026-09-16T15:00 chen.jing
ev $C requirements_recorded 2026-09-16T17:30 chen.jing "Needs record (Table 2): 20 bags/min, dust extraction, AS/NZS electrical compliance"
ev $C requirements_confirmed 2026-09-18T16:00 chen.jing "Olivia confirmed the needs record"
ev $C analysis_reported 2026-09-22T11:00 liu.yang "Needs analysis: standard bagger + robot palletiser; RCM compliance needed"
adv $C solution 2026-09-22T14:00 chen.jing
ev $C solution_drafted 2026-09-24T17:00 zhao.min "Solution draft: open-mouth bagger, robot palletiser, stretch wrapper"
ev $C feasibility_checked 2026-09-28T15:00 tang.jie "Feasible; bag samples tested"
ev $C cost_checked 2026-09-29T11:00 xu.lei "Lead time 5 weeks from stock plus 3 weeks sea freight"
ev $C price_reviewed 2026-09-30T15:00 wu.fei "Quote CNY 890,000, margin 25%"
ev $C solution_reviewed 2026-10-09T10:00 liu.yang "Internal review passed" result=approved
adv $C negotiation 2026-10-09T11:00 chen.jing
ev $C negotiation_prepared 2026-10-12T16:00 chen.jing "Floor price CNY 850,000; longest lead time 9 weeks; non-negotiable: letter of credit"
ev $C contract_reviewed 2026-10-14T16:00 gao.yan "Legal review passed"
ev $C approval 2026-10-15T10:00 liu.yang "Sales manager approval" role=sales_manager
ev $C contract_signed 2026-10-16T11:00 chen.jing "Signed; scanned copy filed as SA-2026-044" amount=890000
adv $C delivery 2026-10-16T17:00 chen.jing
ev $C order_created 2026-10-19T10:00 ma.lin "SO-261019-02; deliver to Sunrise Agritech, Toowoomba QLD; contact Olivia Grant" model=ACME-BP-20 quantity=1
ev $C order_reviewed 2026-10-19T15:00 ma.lin "Order reviewed"
ev $C order_routed 2026-10-20T09:00 ma.lin "Standard line from stock, sea freight" route=logistics
ev $C progress_update 2026-10-22T17:00 chen.jing "Shipped from Shanghai, ETA Brisbane 2026-11-05"
ev $C progress_update 2026-10-29T17:00 chen.jing "Vessel on schedule"
ev $C progress_update 2026-11-05T17:00 chen.jing "Arrived in Brisbane, customs cleared, trucking to site"
ev $C delivery_accepted 2026-11-10T15:00+11:00 chen.jing "Delivery acceptance form (Table 4) signed by Olivia Grant after commissioning"
adv $C after_sales 2026-11-10T18:00 chen.jing
ev $C after_sales_contact 2026-11-12T10:00 chen.jing "Follow-up call: line running two shifts" channel=phone
ev $C issue_reported 2026-11-16T10:00+11:00 he.jun "Robot palletiser stops with a vacuum-gripper fault" issue=Q-1
ev $C issue_responded 2026-11-16T11:00+11:00 he.jun "Answered: remote session, vacuum sensor threshold adjusted as a workaround" issue=Q-1
ev $C issue_resolved 2026-11-17T09:00+11:00 he.jun "Replacement vacuum sensor fitted by the local service partner (Table 5)" issue=Q-1
ev $C survey_done 2026-11-20T10:00 chen.jing "Satisfaction survey: 8/10"
ev $C referral_recorded 2026-11-24T15:00 chen.jing "Olivia introduced us to a fertiliser packer in Queensland"
ev $C issue_reported 2026-11-26T12:30+11:00 he.jun "Bag sealing unit leaves open seams on about 5% of bags" issue=Q-2

###############################################################################################
# ACME-2026-014 — solution being prepared, on time
C=ACME-2026-014
sf register --id $C --company "青岛海润食品有限公司" --industry "food processing" --size "约 350 人" \
  --contact-name "郭强" --contact-title "工程部经理" --phone "+86 532 5555 0114" --email "guoqiang@hairun-food.com.cn" \
  --source exhibition --priority C --owner wang.fang \
  --need "速冻水饺生产线包装段自动化改造（称重、装袋、装箱）" --at 2026-10-19T10:00
ev $C contacted 2026-10-22T14:00 wang.fang "食品机械展后电话回访郭经理" channel=phone
ev $C meeting 2026-10-28T10:00 wang.fang "拜访青岛工厂：包装段 18 人/班，旺季招工困难" channel=onsite
adv $C needs 2026-10-28T16:00 wang.fang
ev $C requirements_recorded 2026-10-29T09:00 wang.fang "需求沟通记录（表2）：3 种规格，60 袋/分钟，冷库环境 -5 °C"
ev $C requirements_confirmed 2026-11-03T15:00 wang.fang "郭经理确认需求记录"
ev $C analysis_reported 2026-11-10T11:00 liu.yang "需求分析报告：多头秤 + 立式包装机 + 机器人装箱，需低温型电机"
adv $C solution 2026-11-10T14:00 wang.fang
ev $C solution_drafted 2026-11-17T17:00 zhao.min "方案初稿：包装段自动化布局"
ev $C feasibility_checked 2026-11-20T15:00 tang.jie "低温环境下设备选型确认可行"
ev $C estimated 2026-11-23T10:00 wang.fang "报价前预估：包装段自动化整线约 240 万元" amount=2400000

echo "generated $(ls "$here"/cases/*.yaml | wc -l) cases in $here/cases" >&2
