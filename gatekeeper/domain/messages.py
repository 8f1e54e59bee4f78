"""The bilingual catalogue: every text the plain-Python layers show a person, in en and zh_CN.

The one source of the texts of `domain`, `ledger`, `scanner`, `services`, `reports` and
`cli` (the widgets translate theirs with Qt Linguist): code names a text by its key
(`entry(key)`, `text(key, lang, **params)`, `filled(key, **params)`) and never writes a
`Text("…", "…")` itself; each text is written once (`_SAME_AS` for a key that reads as
another). tests/domain/test_catalogue_is_the_only_source.py holds the code to that.

Codes are stable keys (`reason.fever`, `error.phone_invalid`); the ledger and the
errors carry codes, and the caller picks the language when it shows them. A vocabulary
enum member is its own code (`text(Reason.FEVER)` is `text("reason.fever")`), and an enum
member or `Text` passed as a parameter is shown in the same language as the message.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from gatekeeper.domain.i18n import Text
from gatekeeper.domain.vocab import (
    CertificateKind,
    Channel,
    CodeColour,
    IdType,
    Lane,
    Outcome,
    QuarantineDecision,
    Reason,
    RoundSlot,
    ScanKind,
    ScanStatus,
    Step,
    Zone,
)

# Which catalogue namespace each vocabulary enum lives in.
ENUM_PREFIX: dict[type[Enum], str] = {
    Outcome: "outcome",
    Channel: "channel",
    Step: "step",
    Reason: "reason",
    CertificateKind: "certificate",
    IdType: "id_type",
    ScanKind: "scan",
    ScanStatus: "scan_status",
    CodeColour: "code_colour",
    Zone: "zone",
    Lane: "lane",
    QuarantineDecision: "quarantine_decision",
    RoundSlot: "round_slot",
}

_RAW: dict[str, tuple[str, str]] = {
    # --- outcomes -----------------------------------------------------------------
    "outcome.admitted": ("Admitted", "放行"),
    "outcome.turned_away": ("Turned away", "劝返"),
    "outcome.quarantined": ("Quarantined", "隔离"),
    "outcome.abandoned": ("Abandoned", "中止"),
    # --- channels -----------------------------------------------------------------
    "channel.worker": ("Worker", "工人"),
    "channel.visitor": ("Visitor", "访客"),
    "channel.vehicle": ("Goods vehicle", "货车"),
    # --- steps --------------------------------------------------------------------
    "step.certificate": ("Certificate check", "查验健康证明或出入通行证"),
    "step.temperature": ("Temperature check", "测温"),
    "step.disinfection": ("Disinfection", "消毒"),
    "step.registration": ("Registration", "信息登记"),
    "step.qr_scan": ("QR scan", "扫码"),
    "step.pledge": ("Pledge", "签健康承诺书"),
    "step.notice": ("Notice", "领取告知书"),
    "step.lane": ("Lane assignment", "人车分流入场"),
    "step.pass_scan": ("Pass scan", "扫通行证"),
    # --- reasons (param-free: the detail lines add the specifics) -------------------
    "reason.cleared": (
        "All checks passed: admitted. Direct the person to their lane.",
        "各项检查通过，放行。请引导至对应通道入场。",
    ),
    "reason.returning_cleared": (
        "Returning worker, checks passed: admitted. Direct the person to their lane.",
        "返场工人检查通过，放行。请引导至对应通道入场。",
    ),
    "reason.no_certificate": (
        "No valid health certificate: turned away. Ask the person to come back with a "
        "health certificate or entry pass.",
        "无有效健康证明，劝返。请持健康证明或出入通行证再来。",
    ),
    "reason.certificate_expired": (
        "The certificate has expired: turned away. Ask the person to come back with a "
        "current health certificate or entry pass.",
        "证件已过期，劝返。请持有效期内的健康证明或出入通行证再来。",
    ),
    "reason.red_code": (
        "Red code: turned away. Report the person to the epidemic-prevention office now.",
        "红码，劝返。请立即上报防疫部门。",
    ),
    "reason.driver_not_admitted": (
        "The driver was not admitted: the vehicle is turned away. Ask the company to "
        "send another driver.",
        "司机未获放行，车辆劝返。请联系单位另派司机。",
    ),
    "reason.fever": (
        "Fever on repeated measurement: quarantine. Take the person to the isolation "
        "room and inform the site manager.",
        "复测仍发热，隔离。请带至隔离间并报告项目负责人。",
    ),
    "reason.risk_region": (
        "Recent stay in a risk region: quarantine. Take the person to the isolation room "
        "and inform the site manager.",
        "近期到过风险地区，隔离。请带至隔离间并报告项目负责人。",
    ),
    "reason.yellow_code": (
        "Yellow code: quarantine. Take the person to the isolation room and inform the "
        "site manager.",
        "黄码，隔离。请带至隔离间并报告项目负责人。",
    ),
    "reason.fever_on_round": (
        "Fever on a temperature round: quarantine. Take the person to the isolation room "
        "and inform the site manager.",
        "巡查测温发热，隔离。请带至隔离间并报告项目负责人。",
    ),
    "reason.left_midway": (
        "The person left before the checks were finished: abandoned. They must start "
        "again from the first step.",
        "人员未完成检查即离开，中止。再次进场须从第一步重新开始。",
    ),
    "reason.interrupted": (
        "The screening was interrupted and not resumed: abandoned. Start a new screening "
        "if the person is still at the gate.",
        "检查中断且未恢复，中止。如人员仍在闸口，请重新开始检查。",
    ),
    # --- detail lines of an outcome ---------------------------------------------------
    "detail.lane": ("Enter by the {lane} to the {zone}.", "请经{lane}进入{zone}。"),
    "detail.quarantine_place": ("Place: {place}.", "隔离地点：{place}。"),
    "detail.quarantine_contact": ("Contact: {phone}.", "联系电话：{phone}。"),
    "detail.fever": ("Readings: {readings} °C.", "测温读数：{readings} °C。"),
    "detail.risk_region": (
        "Stayed in {region} on {date} (within {days} days).",
        "{date}到过{region}（{days}天内）。",
    ),
    "detail.scan": ("{scan}: {status}.", "{scan}：{status}。"),
    "detail.certificate_kind": (
        "{kind} is not accepted at this site.",
        "本工地不接受{kind}。",
    ),
    "detail.certificate_expired": ("Expired on {expires}.", "有效期至{expires}，已过期。"),
    "detail.driver": ("Driver: {outcome}.", "司机：{outcome}。"),
    "detail.abandoned_at": ("Stopped at: {step}.", "中止环节：{step}。"),
    # --- other vocabulary -----------------------------------------------------------
    "certificate.health_certificate": ("Health certificate", "健康证明"),
    "certificate.entry_pass": ("Entry pass", "出入通行证"),
    "id_type.resident_id": ("Resident ID card", "居民身份证"),
    "id_type.passport": ("Passport", "护照"),
    "id_type.other": ("Other ID", "其他证件"),
    "scan.health_code": ("Health code", "健康码"),
    "scan.itinerary_code": ("Itinerary code", "行程码"),
    "scan.site_pass": ("Site pass", "工地通行码"),
    "scan_status.ok": ("OK", "正常"),
    "scan_status.yellow": ("Yellow code", "黄码"),
    "scan_status.red": ("Red code", "红码"),
    "scan_status.unreadable": (
        "Unreadable: scan again or ask a manager to check",
        "无法识别：请重新扫码或由负责人人工核验",
    ),
    "scan_status.forged": (
        "Does not verify: scan again or ask a manager to check",
        "验证未通过：请重新扫码或由负责人人工核验",
    ),
    "code_colour.green": ("Green code", "绿码"),
    "zone.management": ("management zone", "管理区"),
    "zone.construction": ("construction zone", "施工区"),
    "zone.living": ("living zone", "生活区"),
    "zone.isolation": ("isolation zone", "隔离区"),
    "lane.worker": ("worker lane", "工人通道"),
    "lane.visitor": ("visitor lane", "访客通道"),
    "lane.goods_vehicle": ("goods-vehicle lane (east side)", "东侧货车通道"),
    "quarantine_decision.released": ("Released from quarantine", "解除隔离"),
    "quarantine_decision.referred_to_hospital": ("Referred to hospital", "转送医院"),
    "quarantine_decision.sent_home": ("Sent home", "劝返回家"),
    "round_slot.morning": ("Morning round", "早间测温"),
    "round_slot.evening": ("Evening round", "晚间测温"),
    # --- temperature verdicts -------------------------------------------------------
    "verdict.normal": ("Normal temperature: continue.", "体温正常，继续。"),
    "verdict.fever_remeasure": (
        "{reading} °C is a fever reading. Let the person rest until {until}, then "
        "measure again ({left} re-measure(s) left).",
        "{reading} °C 体温偏高。请休息至{until}后复测（还可复测{left}次）。",
    ),
    "verdict.fever_final": (
        "Still a fever after re-measuring: quarantine.",
        "复测仍发热：隔离。",
    ),
    "verdict.out_of_range": (
        "{reading} °C is outside {low}–{high} °C: a measuring error, not a verdict. "
        "Measure again.",
        "{reading} °C 超出 {low}–{high} °C，属测量误差，不作判定。请重新测温。",
    ),
    # --- returning path ---------------------------------------------------------------
    "returning.eligible": (
        "Registered worker with a valid pass: returning path.",
        "已登记工人，通行证有效：走返场通道。",
    ),
    "returning.not_registered": (
        "Not registered at this site: take the first-time path.",
        "本工地无登记记录：请按初次进场流程办理。",
    ),
    "returning.pass_expired": (
        "The worker pass has expired: take the first-time path to renew it.",
        "通行证已过期：请按初次进场流程重新办理。",
    ),
    "returning.pass_revoked": (
        "The worker pass was revoked: take the first-time path and ask the site manager.",
        "通行证已被注销：请按初次进场流程办理，并联系项目负责人。",
    ),
    "returning.pledges_lapsed": (
        "The signed pledges are no longer in force: take the first-time path to sign "
        "them again.",
        "所签承诺书已过有效期：请按初次进场流程重新签署。",
    ),
    "returning.pass_invalid": (
        "The pass could not be verified: take the first-time path.",
        "通行证验证未通过：请按初次进场流程办理。",
    ),
    # --- field labels (for validation errors) -----------------------------------------
    "field.name": ("Name", "姓名"),
    "field.id_type": ("ID type", "证件类型"),
    "field.id_number": ("ID number", "证件号码"),
    "field.phone": ("Mobile number", "手机号"),
    "field.employer": ("Employer or host", "工作单位或接待单位"),
    "field.role": ("Role", "岗位或事由"),
    "field.coming_from": ("Coming from", "来源地"),
    "field.recent_stays": ("Recent stays", "近期行程"),
    "field.plate": ("Plate number", "车牌号"),
    "field.temperature": ("Temperature", "体温"),
    "field.certificate_number": ("Certificate number", "证件编号"),
    "field.certificate_kind": ("Document", "所持证件"),
    "field.signature": ("Signature", "签名"),
    "field.status": ("Decision", "核验结果"),
    "field.reason": ("Reason", "原因"),
    "field.by": ("Decided by", "决定人"),
    "field.person_id": ("Person", "人员"),
    "field.vehicle_too": ("Vehicle disinfection", "车辆消毒"),
    "field.zone": ("Zone", "区域"),
    "field.place": ("Place", "地点"),
    "field.at": ("Time", "时间"),
    # --- validation errors ----------------------------------------------------------
    "error.required": (
        "{field_label} is empty. Fill it in.",
        "{field_label}未填写，请填写。",
    ),
    "error.too_long": (
        "{field_label} is too long ({length} characters, at most {max}). Shorten it.",
        "{field_label}过长（{length}个字符，最多{max}个），请缩短。",
    ),
    "error.not_printable": (
        "{field_label} contains control characters. Type it again.",
        "{field_label}含有控制字符，请重新输入。",
    ),
    "error.name_invalid_chars": (
        "The name contains digits or control characters. Type the name as it is on the ID.",
        "姓名含有数字或控制字符，请按证件上的姓名输入。",
    ),
    "error.resident_id_format": (
        "A resident ID number is 18 characters: 17 digits and a final digit or X (got "
        "{length} characters). Check the ID card and type it again.",
        "身份证号应为18位：17位数字加末位数字或X（当前{length}位）。请核对身份证后重新输入。",
    ),
    "error.resident_id_check_digit": (
        "The resident ID number's check digit does not match: a character was mistyped. "
        "Check the ID card and type it again.",
        "身份证号校验位不符，可能输错了某一位。请核对身份证后重新输入。",
    ),
    "error.resident_id_birth_date": (
        "The birth date in the resident ID number ({birth}) is not plausible (not a real "
        "date, in the future or over 120 years ago). Check digits 7 to 14 on the ID card.",
        "身份证号中的出生日期（{birth}）不合理（日期不存在、晚于今天或超过120岁）。"
        "请核对身份证第7至14位。",
    ),
    "error.passport_format": (
        "A passport number is 5 to 20 letters and digits. Check the passport and type it "
        "again.",
        "护照号应为5至20位字母或数字。请核对护照后重新输入。",
    ),
    "error.other_id_format": (
        "An ID number is 4 to 32 printable characters. Check the document and type it "
        "again.",
        "证件号码应为4至32个可打印字符。请核对证件后重新输入。",
    ),
    "error.phone_invalid": (
        "{value} is not a valid phone number. Type an 11-digit mainland mobile number, or "
        "+ and the country code for a number abroad.",
        "{value}不是有效的电话号码。请输入11位手机号，境外号码请以+和国家代码开头。",
    ),
    "error.phone_not_mobile": (
        "{value} is not a mobile number. Ask for a mobile number the person can be "
        "reached on.",
        "{value}不是手机号码。请提供本人可接通的手机号。",
    ),
    "error.plate_invalid": (
        "{value} is not a valid plate: a province character, a letter, then 5 letters or "
        "digits (6 for new-energy vehicles), e.g. 豫A12345. Check the plate and type it "
        "again.",
        "{value}不是有效车牌：省份简称加字母，再加5位字母或数字（新能源车6位），如豫A12345。"
        "请核对车牌后重新输入。",
    ),
    "error.stay_invalid": (
        "Each recent stay needs a place and the last date there (YYYY-MM-DD). Complete "
        "or remove it.",
        "每条近期行程须填写地点和最后停留日期（YYYY-MM-DD），请补全或删除。",
    ),
    "error.stay_in_future": (
        "The stay in {region} is dated {date}, which is in the future. Enter the last day "
        "the person was there.",
        "{region}的停留日期{date}晚于今天。请填写最后停留的日期。",
    ),
    "error.temperature_not_number": (
        '"{value}" is not a temperature. Type the reading in °C, e.g. 36.5.',
        "“{value}”不是体温读数。请输入摄氏度读数，如36.5。",
    ),
    "error.temperature_out_of_range": (
        "{reading} °C is outside {low}–{high} °C: a measuring error. Measure again.",
        "{reading} °C 超出 {low}–{high} °C，属测量误差。请重新测温。",
    ),
    "error.certificate_kind_unknown": (
        "Choose the document shown: health certificate or entry pass.",
        "请选择所出示的证件：健康证明或出入通行证。",
    ),
    "error.signature_not_png": (
        "The signature is missing or is not a PNG image. Ask the person to sign again.",
        "签名缺失或不是PNG图片。请本人重新签名。",
    ),
    "error.manual_check_needs_manager": (
        "A manual check is decided by a site manager: the manager signs in with their "
        "username and PIN. Nothing was recorded.",
        "人工核验须由项目负责人决定：请项目负责人用用户名和 PIN 登录。未记录任何内容。",
    ),
    "error.pass_refused_needs_manager": (
        "This site pass was read and refused: staff cannot mark it OK. Scan the person's "
        "own valid pass, or ask a manager for a manual check.",
        "该工地通行证已被识别并拒绝：门岗人员不能将其标为通过。请扫描本人的有效通行证，"
        "或请管理人员人工核验。",
    ),
    "error.scan_not_configured": (
        "{scan} is not one of the scans for this channel. Scan one of: {expected}.",
        "{scan}不属于本通道的扫码项目。请扫：{expected}。",
    ),
    "error.manual_status_invalid": (
        "A manager's decision must be OK, yellow code or red code. Choose one of them.",
        "负责人核验结果只能是正常、黄码或红码，请选择其一。",
    ),
    "error.vehicle_disinfection_required": (
        "The driver's vehicle must be disinfected too. Disinfect the vehicle, then "
        "confirm both.",
        "司机所驾车辆也须消毒。请对车辆消毒后一并确认。",
    ),
    "error.vehicle_disinfection_not_driver": (
        "Only a goods vehicle's driver confirms the vehicle's disinfection. Confirm the "
        "person's disinfection only.",
        "车辆消毒只由货车司机一并确认。请只确认本人消毒。",
    ),
    "error.pass_person_required": (
        "A valid pass must say whose it is. Scan the pass again.",
        "有效通行证须能识别持证人。请重新扫码。",
    ),
    "error.pass_person_mismatch": (
        "The pass belongs to {scanned}, not to {expected}. Scan this person's own pass.",
        "该通行证属于{scanned}，而非{expected}。请扫本人的通行证。",
    ),
    "error.abandon_reason": (
        "{reason} is not a reason to abandon a screening. Use left midway or interrupted.",
        "{reason}不是中止原因。请选择中途离开或检查中断。",
    ),
    "error.quarantine_reason": (
        "{reason} is not a reason for quarantine. Use fever, risk region, yellow code or "
        "fever on a round.",
        "{reason}不是隔离原因。请选择发热、风险地区、黄码或巡查发热。",
    ),
    "error.invalid_choice": (
        "{value} is not a valid {field_label}. Choose one from the list.",
        "{value}不是有效的{field_label}，请从列表中选择。",
    ),
    # --- step order -----------------------------------------------------------------
    "step_order.wrong_step": (
        "{attempted} is not the next step: the current step is {current}. Finish "
        "{current} first.",
        "现在不是“{attempted}”环节，当前环节是“{current}”。请先完成“{current}”。",
    ),
    "step_order.over": (
        "This screening is already over ({outcome}). Start a new screening for the next "
        "person.",
        "本次检查已结束（{outcome}）。下一位请重新开始检查。",
    ),
    "step_order.resting": (
        "The person must rest before the re-measure. Measure again at {until}.",
        "复测前须休息。请于{until}后再测。",
    ),
    "step_order.no_manual_check": (
        "{scan} does not need a manual check. Scan it again instead.",
        "{scan}无需人工核验，请直接重新扫码。",
    ),
    "step_order.vehicle_over": (
        "This vehicle's screening is over ({outcome}). Start a new vehicle.",
        "本车检查已结束（{outcome}）。请为下一辆车重新开始。",
    ),
    # --- quarantine -----------------------------------------------------------------
    "quarantine.already_closed": (
        "This quarantine case was already closed ({decision}). Open a new case if the "
        "person needs quarantine again.",
        "该隔离记录已结案（{decision}）。如需再次隔离，请新建记录。",
    ),
    "quarantine.before_start": (
        "{at} is before the quarantine started ({start}). Check the time entered.",
        "{at}早于隔离开始时间（{start}）。请核对所填时间。",
    ),
    # --- policy ---------------------------------------------------------------------
    "policy.file_missing": (
        "Policy file not found: {path}. Check the path, or save the default policy there "
        "and edit it.",
        "找不到策略文件：{path}。请检查路径，或在该处保存默认策略后再修改。",
    ),
    "policy.unreadable": (
        "Cannot read the policy file {path} ({error}). Check that it is a UTF-8 text file "
        "you may read.",
        "无法读取策略文件{path}（{error}）。请确认其为可读取的UTF-8文本文件。",
    ),
    "policy.syntax": (
        "The policy file is not valid TOML at line {line}, column {col} ({error}). Fix "
        "that line and load the policy again.",
        "策略文件第{line}行第{col}列不是有效的TOML（{error}）。请修改该行后重新加载。",
    ),
    "policy.unknown_key": (
        'Unknown policy key "{key}". Remove it or correct its spelling.',
        "未知的策略项“{key}”。请删除或更正拼写。",
    ),
    "policy.unknown_key_suggest": (
        'Unknown policy key "{key}". Did you mean "{suggestion}"? Correct its spelling.',
        "未知的策略项“{key}”。是否应为“{suggestion}”？请更正拼写。",
    ),
    "policy.wrong_type": (
        'Policy key "{key}" must be {expected}, not {got}. Change the value.',
        "策略项“{key}”应为{expected}，而不是{got}。请修改取值。",
    ),
    "policy.out_of_range": (
        'Policy key "{key}" is {value}, outside {low} to {high}. Use a value in that range.',
        "策略项“{key}”的值{value}超出{low}至{high}的范围。请改为范围内的值。",
    ),
    "policy.invalid": (
        'Policy key "{key}" is wrong: {problem}. Fix it and load the policy again.',
        "策略项“{key}”有误：{problem}。请修改后重新加载。",
    ),
    "type.number": ("a number", "数字"),
    "type.integer": ("a whole number", "整数"),
    "type.decimal": ("a decimal number", "小数"),
    "type.text": ("text", "文本"),
    "type.list": ("a list", "列表"),
    "type.table": ("a table", "表"),
    "type.boolean": ("true/false", "布尔值"),
    "type.other": ("{name}", "{name}类型"),
    "problem.empty": ("it is empty", "内容为空"),
    "problem.min_not_below_max": (
        "plausible_min_c ({low}) must be below plausible_max_c ({high})",
        "plausible_min_c（{low}）须小于plausible_max_c（{high}）",
    ),
    "problem.threshold_outside_plausible": (
        "the fever threshold ({value}) must lie inside the plausible range {low}–{high}",
        "发热阈值（{value}）须在合理范围{low}–{high}之内",
    ),
    "problem.not_a_choice": (
        '"{value}" is not one of: {choices}',
        "“{value}”不在可选值之内：{choices}",
    ),
    "problem.duplicate": ('"{value}" appears twice', "“{value}”重复出现"),
    "problem.isolation_zone": (
        "people admitted at the gate cannot be sent to the isolation zone",
        "闸口放行人员不能分配到隔离区",
    ),
    "problem.bad_timezone": ('"{value}" is not a known time zone', "“{value}”不是已知时区"),
    "problem.bad_relay_bytes": (
        '"{value}" is not a byte: write hex bytes, CH or SUM separated by spaces '
        "(e.g. A0 CH 01 SUM)",
        "“{value}”不是字节：请写以空格分隔的十六进制字节、CH 或 SUM（例如 A0 CH 01 SUM）",
    ),
    "problem.release_needs": (
        'release = "{release}" needs this to be set',
        "release = “{release}” 时必须填写此项",
    ),
    "problem.bad_pattern": (
        "pattern {index} is not a regular expression with a `colour` group ({error})",
        "第 {index} 个模式不是含 `colour` 分组的正则表达式（{error}）",
    ),
    "problem.bad_id": (
        'ids are lower-case letters, digits and _ (got "{value}")',
        "编号只能由小写字母、数字和下划线组成（当前为“{value}”）",
    ),
    # --- anchors (gatekeeper.ledger.anchors, `verify --expect-head/--anchors`) -------
    "verify.anchor_gone": (
        "anchor {anchor}: that record is no longer in the chain (the ledger was cut off, "
        "emptied or replaced since). Restore the last good backup and report it.",
        "锚点 {anchor}：该记录已不在哈希链中（台账此后被截断、清空或替换）。"
        "请恢复最近的完好备份并上报。",
    ),
    "verify.anchor_rewritten": (
        "anchor {anchor}: that record's hash is now {found} (the chain was rewritten "
        "since). Restore the last good backup and report it.",
        "锚点 {anchor}：该记录的哈希现为 {found}（哈希链此后被改写）。请恢复最近的完好备份并上报。",
    ),
    "verify.anchors_bad": (
        "{path} is not an anchors file: the line \"{line}\" is not KIOSK:SEQ:HASH. Give "
        "the file an export or report wrote.",
        "{path} 不是锚点文件：“{line}”一行不是 KIOSK:SEQ:HASH 格式。请使用导出或报告写出的文件。",
    ),
    "verify.anchors_unreadable": (
        "The anchors file {path} cannot be read ({problem}). Check the path.",
        "无法读取锚点文件 {path}（{problem}）。请检查路径。",
    ),
    # --- still images to decode (gatekeeper.scanner.images) --------------------------
    "scan.image_too_large": (
        "{path} is {width}×{height} pixels ({megapixels} megapixels), over the 50 "
        "megapixels GateKeeper decodes: it was not read. Scale it down, or crop it to "
        "the code.",
        "{path} 为 {width}×{height} 像素（{megapixels} 百万像素），超过 GateKeeper 可识别的 "
        "5000 万像素：未读取。请缩小图片或裁剪出二维码部分。",
    ),
    # --- output paths (gatekeeper.services.atomic) -----------------------------------
    "output.is_ledger": (
        "{path} is the ledger (or one of its -wal, -shm, -journal files): nothing was "
        "written. Choose another output file.",
        "{path} 是台账（或其 -wal、-shm、-journal 文件）：未写入任何内容。请选择其他输出文件。",
    ),
    "output.is_database": (
        "{path} is a database (a ledger or a backup, or one of its -wal, -shm, -journal "
        "files): nothing was written. Choose another output file.",
        "{path} 是数据库（台账或备份，或其 -wal、-shm、-journal 文件）：未写入任何内容。"
        "请选择其他输出文件。",
    ),
    "output.no_folder": (
        "The folder of {path} does not exist: nothing was written. Create it or choose "
        "another place.",
        "{path} 所在的文件夹不存在：未写入任何内容。请先创建该文件夹，或选择其他位置。",
    ),
    "output.read_only_folder": (
        "The folder of {path} cannot be written: nothing was written. Choose a writable "
        "place.",
        "{path} 所在的文件夹不可写：未写入任何内容。请选择可写的位置。",
    ),
    "output.cannot_write": (
        "{path} could not be written: nothing was written there. Check the disk and the "
        "folder's permissions, then try again.",
        "无法写入 {path}：该处未写入任何内容。请检查磁盘及文件夹权限后重试。",
    ),
    "output.badge_failed": (
        "The pass was issued (its text is printed above) but the badge {path} could not "
        "be written: check the disk, then print the badge from the console's Passes page.",
        "通行证已签发（其内容已在上方输出），但无法写入胸卡图片 {path}：请检查磁盘，"
        "然后在管理台的通行证页面打印胸卡。",
    ),
    "output.is_folder": (
        "{path} is a folder: nothing was written. Give a file name inside it.",
        "{path} 是文件夹：未写入任何内容。请给出其中的文件名。",
    ),
    # --- record schemas (gatekeeper.services.schema) --------------------------------
    "schema.bad_body": (
        "A {kind} record does not have the shape this GateKeeper knows: {problem}. "
        "Nothing was written; report this to whoever maintains GateKeeper.",
        "一条 {kind} 记录的结构与本程序不符：{problem}。本次未写入任何内容；"
        "请报告给 GateKeeper 的维护人员。",
    ),
    # --- the kiosk's screening session (gatekeeper.services.kiosk) ------------------
    "kiosk.bad_date": (
        '"{value}" is not a date: write year-month-day, e.g. 2020-12-31.',
        "“{value}”不是有效日期：请按 年-月-日 填写，例如 2020-12-31。",
    ),
    "kiosk.no_site_key": (
        "This kiosk has no site key, so site passes cannot be verified here: type the "
        "person's ID number instead.",
        "本机没有工地密钥，无法在此验证通行证：请改为输入证件号码。",
    ),
    "kiosk.pass_unverifiable": (
        "This site pass cannot be verified on this kiosk: type the person's ID number.",
        "本机无法验证该通行证：请输入此人的证件号码。",
    ),
    "kiosk.scan_unverifiable": (
        "This kiosk has no site key, so the site pass cannot be verified: re-scan on a "
        "kiosk that has it, or check by hand (manager).",
        "本机没有工地密钥，无法验证通行证：请在有密钥的设备上重新扫码，或由管理人员人工核验。",
    ),
    "kiosk.other_person": (
        "This site pass was issued to someone else: check the person by hand (manager).",
        "该通行证签发给了其他人：请由管理人员人工核验。",
    ),
    # --- gate devices (gatekeeper.devices, shown by the kiosk) ------------------------
    "devices.thermometer_connected": (
        "Thermometer connected on {port}: its readings are entered by themselves.",
        "测温设备已连接（{port}）：读数自动录入。",
    ),
    "devices.thermometer_missing": (
        "The thermometer on {port} is not connected: type the reading. It is used again "
        "as soon as it is back.",
        "测温设备（{port}）未连接：请手动输入读数。设备恢复后自动继续使用。",
    ),
    "devices.thermometer_back": (
        "The thermometer on {port} is connected again.",
        "测温设备（{port}）已重新连接。",
    ),
    "devices.relay_missing": (
        "the relay board on {port} is not connected",
        "继电器板（{port}）未连接",
    ),
    "devices.relay_failed": (
        "the relay board on {port} stopped answering",
        "继电器板（{port}）无响应",
    ),
    "devices.command_missing": (
        "the release program {program} cannot be run",
        "无法运行开闸程序 {program}",
    ),
    "devices.command_failed": (
        "the release program {program} failed (exit code {status})",
        "开闸程序 {program} 执行失败（退出码 {status}）",
    ),
    "devices.command_timeout": (
        "the release program {program} did not finish within {seconds} s",
        "开闸程序 {program} 在 {seconds} 秒内未完成",
    ),
    "devices.release_error": (
        "an unexpected error (written to the log file)",
        "发生意外错误（已写入日志文件）",
    ),
    "devices.release_failed": (
        "The {lane} did not open: {problem}. The person is admitted and recorded: "
        "open the lane by hand.",
        "{lane}未能自动开闸：{problem}。此人已放行并已记录：请手动开闸。",
    ),
    "devices.release_failed_not_recorded": (
        "The {lane} did not open: {problem}. The person is admitted and recorded: open the "
        "lane by hand. That the lane did not open could not be recorded: {ledger}",
        "{lane}未能自动开闸：{problem}。此人已放行并已记录：请手动开闸。未能记录此次开闸失败：{ledger}",
    ),
    "devices.release_not_recorded": (
        "The {lane} opened, but that could not be recorded: {problem}",
        "{lane}已开闸，但未能记录：{problem}",
    ),
    "passes.name_conflict": (
        "ID number {id_number} is registered as {known}, not {typed}: nothing was issued. "
        "Give the registered name, or correct the registration at the gate first.",
        "证件号码 {id_number} 登记的姓名为 {known}，而不是 {typed}：未签发任何通行证。"
        "请使用登记的姓名，或先在闸口更正登记信息。",
    ),
    "kiosk.name_conflict": (
        "This ID number is registered as {known}, not {typed}. Check the person's ID "
        "card, then choose which name is right.",
        "该证件号码登记的姓名为 {known}，而不是 {typed}。请核对此人的身份证件，再选择正确的姓名。",
    ),
    "kiosk.first_time_next": ("Take the first-time path.", "请按初次进场流程办理。"),
    "kiosk.plate_line": ("Plate number: {plate}", "车牌号：{plate}"),
    "kiosk.not_saved": (
        "Not saved. {problem} What was entered is still on screen: press again once "
        "that is fixed.",
        "未保存。{problem} 已填写的内容仍保留在屏幕上：问题解决后请再按一次。",
    ),
    "kiosk.unexpected": (
        "Something went wrong and nothing was saved for this step; the details are in the "
        "log file {log}. What was entered is still on screen: press again, and call the "
        "site manager if it happens again.",
        "出现意外错误，此步骤未保存任何内容；详情已写入日志文件 {log}。已填写的内容仍保留在屏幕上："
        "请再按一次，如仍出现请联系项目负责人。",
    ),
    # --- the ledger (gatekeeper.ledger): errors and verification problems ---------------
    "ledger.error": (
        "The ledger {path} could not be used: {detail}. Check the disk and try again.",
        "无法使用台账 {path}：{detail}。请检查磁盘后重试。",
    ),
    "ledger.directory_missing": (
        "The folder {directory} for the ledger does not exist. Create it or choose another "
        "location for the ledger.",
        "台账所在的文件夹 {directory} 不存在。请先创建该文件夹，或为台账选择其他位置。",
    ),
    "ledger.not_found": (
        "There is no ledger at {path}. Check the path, or allow creating a new ledger.",
        "{path} 处没有台账。请检查路径，或允许新建台账。",
    ),
    "ledger.read_only": (
        "The ledger {path} cannot be written: {detail}. Give this program write access to the "
        "file and its folder, or move the ledger to a writable folder.",
        "无法写入台账 {path}：{detail}。请授予本程序对该文件及其文件夹的写权限，"
        "或将台账移到可写的文件夹。",
    ),
    "ledger.disk_full": (
        "The disk holding the ledger {path} is full; nothing was written. Free some space (or "
        "move the ledger to a larger disk) and try again.",
        "台账 {path} 所在磁盘已满，本次未写入任何内容。请释放空间（或将台账移到更大的磁盘）"
        "后重试。",
    ),
    "ledger.busy": (
        "The ledger {path} is locked by another program; nothing was written. Close other "
        "programs using it and try again.",
        "台账 {path} 正被其他程序锁定，本次未写入任何内容。请关闭正在使用它的其他程序后重试。",
    ),
    "ledger.newer_version": (
        "The ledger {path} was written by a newer GateKeeper (schema version {found}; this "
        "program knows up to {known}). It was left untouched. Update GateKeeper to open it.",
        "台账 {path} 由更新版本的 GateKeeper 写入（结构版本 {found}，本程序最高支持 {known}）。"
        "文件未作任何改动。请升级 GateKeeper 后再打开。",
    ),
    "ledger.needs_upgrade": (
        "The ledger {path} has schema version {found} and needs an upgrade to {known}, which "
        "cannot happen read-only. Open it once for writing to upgrade it.",
        "台账 {path} 的结构版本为 {found}，需要升级到 {known}，只读方式下无法升级。"
        "请以可写方式打开一次以完成升级。",
    ),
    "ledger.not_a_ledger": (
        "The file {path} is not a GateKeeper ledger ({detail}). It was left untouched. Choose the "
        "ledger file, or a new file name to start a new ledger.",
        "文件 {path} 不是 GateKeeper 台账（{detail}）。文件未作任何改动。请选择台账文件，"
        "或输入新的文件名以新建台账。",
    ),
    "ledger.empty_file": (
        "The file {path} is empty (0 bytes), not a ledger. It was left untouched. Choose the "
        "ledger file, or restore a backup if this was the ledger.",
        "文件 {path} 是空文件（0 字节），不是台账。文件未作任何改动。请选择台账文件；"
        "如果这原是台账，请用备份恢复。",
    ),
    "ledger.damaged": (
        "The ledger {path} is damaged ({detail}): the file cannot be read reliably. It was "
        "left untouched. Restore a backup (gatekeeper backup makes them) and verify it.",
        "台账 {path} 已损坏（{detail}），文件无法可靠读取。文件未作任何改动。"
        "请用备份恢复（由 gatekeeper backup 生成）后再校验。",
    ),
    "ledger.invalid_record": (
        "A record could not be written because {field} is invalid: {detail}. Nothing was written; "
        "correct the value and try again.",
        "记录无法写入，因为 {field} 无效：{detail}。本次未写入任何内容；请更正后重试。",
    ),
    "ledger.invalid.not_a_date": (
        "{value!r} is not a date YYYY-MM-DD",
        "{value!r} 不是 YYYY-MM-DD 格式的日期",
    ),
    "ledger.invalid.not_a_uuid": ("{value!r} is not a lower-case UUID", "{value!r} 不是小写 UUID"),
    "ledger.invalid.not_text": ("{value!r} must be non-empty text", "{value!r} 必须是非空文本"),
    "ledger.invalid.not_a_record": ("it is not a NewRecord", "它不是 NewRecord"),
    "ledger.invalid.kind": (
        "{value!r} must be lower-case letters, digits, '_'",
        "{value!r} 只能包含小写字母、数字和下划线",
    ),
    "ledger.invalid.naive_time": (
        "{value!r} is not a date and time with a time zone",
        "{value!r} 不是带时区的日期时间",
    ),
    "ledger.invalid.not_json": ("{detail}", "无法保存为 JSON（{detail}）"),
    "ledger.invalid.kiosk_id": (
        "{value!r} must be letters, digits, '.', '_' or '-'",
        "{value!r} 只能包含字母、数字、'.'、'_' 或 '-'",
    ),
    "ledger.invalid.nothing_to_correct": ("no record {uuid} to correct", "没有要更正的记录 {uuid}"),
    "ledger.invalid.person_without_id": (
        "a person record needs a person_id",
        "人员记录必须有 person_id",
    ),
    "ledger.duplicate_record": (
        "A record with uuid {uuid} is already in the ledger; nothing was written. Give each "
        "record its own uuid (or leave it empty to get a new one).",
        "台账中已有 uuid 为 {uuid} 的记录，本次未写入任何内容。请为每条记录使用不同的 "
        "uuid（或留空以自动生成）。",
    ),
    "ledger.account_exists": (
        "There is already an account named {username}; nothing was written. Choose another "
        "username.",
        "已有用户名为 {username} 的账户，本次未写入任何内容。请换一个用户名。",
    ),
    "verify.edited": (
        "hash does not match its content (edited)",
        "记录内容与其哈希不符（已被修改）",
    ),
    "verify.jump": (
        "kiosk sequence jumps from {a} to {b} (a record was deleted)",
        "终端序号从 {a} 跳到 {b}（有记录被删除）",
    ),
    "verify.back": (
        "kiosk sequence goes from {a} back to {b} (records reordered or duplicated)",
        "终端序号从 {a} 回到 {b}（记录被调换或重复）",
    ),
    "verify.first": (
        "kiosk sequence starts at {b}, not 1 (the first record was deleted)",
        "终端序号从 {b} 而非 1 开始（第一条记录被删除）",
    ),
    "verify.link": (
        "prev_hash does not match the previous record's hash (chain broken)",
        "prev_hash 与上一条记录的哈希不符（链条断裂）",
    ),
    "verify.personal": (
        "personal fields do not match their digest",
        "个人信息与其摘要不符（已被修改）",
    ),
    "verify.salt": (
        "salt present without personal fields (edited)",
        "个人信息已清除但仍有盐值（已被修改）",
    ),
    "verify.seq": (
        "local order jumps from {a} to {b} (a record was deleted or moved)",
        "本地顺序号从 {a} 跳到 {b}（有记录被删除或移动）",
    ),
    "verify.missing": (
        "newest record is missing (chain head says {n})",
        "最新记录缺失（链头记录为 {n}）",
    ),
    "verify.no_records": (
        "all records of kiosk {k} are missing (chain head says {n})",
        "终端 {k} 的全部记录缺失（链头记录为 {n}）",
    ),
    "verify.beyond": (
        "record is beyond the chain head ({n}): written outside the ledger",
        "记录超出链头（{n}）：不是由台账程序写入的",
    ),
    "verify.head_hash": (
        "chain head hash does not match the newest record (edited)",
        "链头哈希与最新记录不符（已被修改）",
    ),
    "verify.no_head": (
        "kiosk has records but no chain head (chain_heads edited)",
        "终端有记录但没有链头（chain_heads 被修改）",
    ),
    "verify.counter": (
        "local order counter says {n} but the last record is {m} (newest record deleted)",
        "本地顺序计数为 {n}，但最后一条记录是 {m}（最新记录被删除）",
    ),
    "verify.erased_unrecorded": (
        "its personal fields were erased, but no purge record covers its day (an "
        "erasure outside GateKeeper)",
        "其个人信息已被清除，但没有清除记录覆盖其日期（在 GateKeeper 之外清除）",
    ),
    "verify.people_differ": (
        "the people table differs from the chain for person {person} (a registration "
        "edited outside GateKeeper)",
        "人员表中人员 {person} 的信息与哈希链不符（登记信息在 GateKeeper 之外被修改）",
    ),
    "verify.account_differs": (
        "the account {username} differs from its chained account record (its role or "
        "name edited outside GateKeeper, or an account added or removed)",
        "账户 {username} 与哈希链中的账户记录不符（角色或姓名在 GateKeeper 之外被修改，"
        "或账户被增删）",
    ),
    "verify.identity_differs": (
        "the kiosk identity {k} is not what the chain says (the kiosk id in the file was "
        "changed outside GateKeeper: its own chain is not there, or a kiosk record names "
        "another kiosk)",
        "终端身份 {k} 与哈希链不符（文件中的终端编号在 GateKeeper 之外被修改：找不到其自身的"
        "哈希链，或终端记录指向另一台终端）",
    ),
    "verify.unreadable": ("the records cannot be read ({detail})", "无法读取记录（{detail}）"),
    # --- the camera (gatekeeper.scanner.camera.CameraState; the QR page's preview shows them)
    "camera.opening": ("Starting the camera…", "正在启动摄像头…"),
    "camera.live": ("Hold the code up to the camera.", "请将二维码对准摄像头。"),
    "camera.missing": (
        "No camera found. Use the hand scanner or type the code; the camera will be tried "
        "again.",
        "未找到摄像头。请使用扫码枪或手动输入码；稍后将再次尝试摄像头。",
    ),
    "camera.unplugged": (
        "The camera stopped. Use the hand scanner or type the code; reconnecting…",
        "摄像头已停止。请使用扫码枪或手动输入码；正在重新连接…",
    ),
    "camera.stopped": (
        "Camera off. Use the hand scanner or type the code.",
        "摄像头已关闭。请使用扫码枪或手动输入码。",
    ),
    # --- the scanner (gatekeeper.scanner): site keys, site passes, scan payloads -----------------
    "site_key.unreadable": (
        "The site key in {path} cannot be read ({error}): restore it from the site's safe copy.",
        "无法读取 {path} 中的工地密钥（{error}）：请从工地保存的备份中恢复。",
    ),
    "site_key.bad_site_id": (
        "Site id {site_id!r} must be 1-32 letters, digits, '_' or '-'.",
        "工地编号 {site_id!r} 只能由 1 到 32 个字母、数字、'_' 或 '-' 组成。",
    ),
    "site_key.missing": (
        "No site key in {path}: issue a pass first (that creates the key), or restore the key.",
        "{path} 中没有工地密钥：请先签发一张通行证（会生成密钥），或恢复密钥。",
    ),
    "pass.malformed": (
        "This is not a site pass: re-scan, or check the person by hand.",
        "这不是本工地通行证：请重新扫码，或人工核验。",
    ),
    "pass.other_site": (
        "This pass was issued by another site ({site_id}): it is not valid here.",
        "该通行证由其他工地（{site_id}）签发，在本工地无效。",
    ),
    "pass.unknown_key": (
        "This pass was signed with a key this site does not use ({key_id}): it may be forged; "
        "check the person by hand.",
        "该通行证的签名密钥（{key_id}）不属于本工地，可能是伪造的：请人工核验。",
    ),
    "pass.forged": (
        "The pass signature does not match: the pass was altered or forged; check the person by "
        "hand.",
        "通行证签名不符：通行证被改动或伪造，请人工核验。",
    ),
    "pass.expired": (
        "This pass expired on {valid_until}: issue a new pass.",
        "该通行证已于 {valid_until} 过期：请重新签发。",
    ),
    "pass.not_yet_valid": (
        "This pass is valid only from {valid_from}.",
        "该通行证自 {valid_from} 起才生效。",
    ),
    "pass.revoked": (
        "This pass was revoked: the person goes through the full check.",
        "该通行证已被注销：请按首次入场流程检查。",
    ),
    "pass.not_issued": (
        "This ledger has no record of issuing this pass: check the person by hand.",
        "台账中没有签发该通行证的记录：请人工核验。",
    ),
    "pass.superseded": (
        "This pass was replaced by a newer pass (issued {issued_on}): only the newest pass "
        "counts; the person goes through the full check.",
        "该通行证已被更新的通行证（{issued_on} 签发）取代，只有最新的通行证有效："
        "请按首次入场流程检查。",
    ),
    "pass.holder_purged": (
        "The holder's registration was erased by a retention purge (person {person_id}): "
        "this pass no longer counts; the person registers again.",
        "持证人的登记信息已按保存期限清除（人员编号 {person_id}），该通行证不再有效："
        "请重新登记。",
    ),
    "payload.unknown": (
        "This code is not a {kind} this site knows: re-scan, or check by hand (manager).",
        "无法识别该{kind}：请重新扫码，或由管理人员人工核验。",
    ),
    "payload.code_expired": (
        "This health code was valid until {until}: ask for a current one.",
        "该健康码有效期至 {until}，已过期：请出示最新健康码。",
    ),
    "payload.pass_ok": ("Site pass valid until {until}.", "工地通行证有效期至 {until}。"),
    "payload.kind.health_code": ("health code", "健康码"),
    "payload.kind.itinerary_code": ("itinerary code", "行程码"),
    "payload.kind.site_pass": ("site pass", "工地通行证"),
    "payload.colour.green": ("Green code.", "绿码。"),
    "payload.colour.yellow": ("Yellow code.", "黄码。"),
    "payload.colour.red": ("Red code.", "红码。"),
    # --- services (gatekeeper.services): accounts, gate, passes, exports, review, backup ---------
    "accounts.not_allowed": (
        "{role} may not do this ({action}); only {allowed} may.",
        "{role}无权执行此操作（{action}）；仅{allowed}可以。",
    ),
    "accounts.nobody": ("nobody", "无人"),
    "accounts.or": (" or ", "或"),
    "accounts.bad_username": (
        "The username {username!r} is not usable: 2 to 32 lower-case letters, digits, '.', '_' or "
        "'-', starting with a letter or digit.",
        "用户名 {username!r} 不可用：须为 2 至 32 个小写字母、数字、'.'、'_' 或 '-'，"
        "以字母或数字开头。",
    ),
    "accounts.bad_name": (
        "The name must be 1 to {max} characters.",
        "姓名须为 1 至 {max} 个字符。",
    ),
    "accounts.bad_role": (
        "Unknown role {role!r}: use gate_staff, site_manager or inspector.",
        "未知角色 {role!r}：请使用 gate_staff、site_manager 或 inspector。",
    ),
    "accounts.first_must_be_manager": (
        "There is no site manager yet: the first account must be a site manager (--role "
        "site_manager).",
        "尚无项目负责人账户：第一个账户必须是项目负责人（--role site_manager）。",
    ),
    "accounts.manager_exists": (
        "A site manager account already exists: a manager creates the other accounts.",
        "已有项目负责人账户：其他账户须由项目负责人创建。",
    ),
    "accounts.wrong_pin": (
        "Wrong username or PIN. After {max} wrong PINs in a row an account is locked, for longer "
        "each time.",
        "用户名或 PIN 错误。连续输错 {max} 次 PIN，账户将被锁定，且每次锁定时间更长。",
    ),
    "accounts.pin_too_short": (
        "PINs for {role} accounts need at least {min} digits; this one has {length}. Choose a PIN "
        "of {min} to {max} digits.",
        "{role}账户的 PIN 至少须为 {min} 位数字；此 PIN 为 {length} 位。"
        "请设置 {min} 至 {max} 位数字。",
    ),
    "accounts.pin_to_change": (
        "The PIN of {username} is shorter than {role} accounts now need ({min} digits): change "
        "it soon.",
        "{username} 的 PIN 短于{role}账户现在的要求（{min} 位）：请尽快修改。",
    ),
    "accounts.locked": (
        "Too many wrong PINs: this account is locked until {until}. Try again then, or ask a site "
        "manager.",
        "PIN 错误次数过多：该账户已锁定至 {until}。请届时再试，或联系项目负责人。",
    ),
    "accounts.unknown_account": (
        "No account named {username}: check the username (`gatekeeper account list`).",
        "没有用户名为 {username} 的账户：请核对用户名（`gatekeeper account list`）。",
    ),
    "accounts.own_pin_reset": (
        "You cannot reset your own PIN here: ask another site manager, or change it with your old "
        "PIN.",
        "不能在此重置自己的 PIN：请另一位项目负责人重置，或凭旧 PIN 修改。",
    ),
    "accounts.role.gate_staff": ("gate staff", "门岗人员"),
    "accounts.role.site_manager": ("site manager", "项目负责人"),
    "accounts.role.inspector": ("inspector", "督导检查人员"),
    "accounts.action.run_gate": ("run the gate", "操作闸口"),
    "accounts.action.dashboard": ("open the dashboard", "查看看板"),
    "accounts.action.review": ("review passages", "查阅通行记录"),
    "accounts.action.verify": ("verify the ledger", "校验台账"),
    "accounts.action.export": ("export the daily ledger", "导出每日台账"),
    "accounts.action.export_full": (
        "export unmasked ID numbers and phones",
        "导出未遮蔽的身份证号和手机号",
    ),
    "accounts.action.inspection_report": ("write an inspection report", "生成督导检查报告"),
    "accounts.action.policy": ("change the policy", "修改防疫规则"),
    "accounts.action.policy_view": ("see the policy", "查看防疫规则"),
    "accounts.action.accounts": ("manage accounts", "管理账户"),
    "accounts.action.passes": ("issue or revoke site passes", "签发或注销工地通行码"),
    "accounts.action.rounds": ("record rounds and disinfection", "记录巡查测温和消毒"),
    "accounts.action.quarantine_release": (
        "record quarantine checks and releases",
        "记录隔离检查和解除隔离",
    ),
    "accounts.action.correction": ("correct a record", "更正记录"),
    "accounts.action.purge": ("purge personal data", "清除个人信息"),
    "accounts.action.backup": ("back up the ledger", "备份台账"),
    "accounts.action.manual_check": (
        "decide a code by hand at the QR step", "在扫码环节人工核验二维码"),
    "kiosk_pin.not_digits": (
        "The PIN may contain only the digits 0-9 (no letters, spaces or signs). Choose a PIN of "
        "{min} to {max} digits.",
        "PIN 只能由数字 0-9 组成（不能含字母、空格或符号）。请设置 {min} 至 {max} 位数字。",
    ),
    "kiosk_pin.length": (
        "The PIN has {length} digits; it must have {min} to {max}. Choose a PIN of {min} to {max} "
        "digits.",
        "PIN 为 {length} 位；须为 {min} 至 {max} 位。请设置 {min} 至 {max} 位数字。",
    ),
    "kiosk_pin.not_set": (
        "No kiosk PIN has been set. Set one with `gatekeeper kiosk set-pin`.",
        "尚未设置自助机 PIN。请用 `gatekeeper kiosk set-pin` 设置。",
    ),
    "kiosk_pin.file_unreadable": (
        "The kiosk PIN file {path} is damaged ({problem}). Set the PIN again with `gatekeeper "
        "kiosk set-pin`.",
        "自助机 PIN 文件 {path} 已损坏（{problem}）。请用 `gatekeeper kiosk set-pin` 重新设置 "
        "PIN。",
    ),
    "clock.unknown_timezone": (
        "Unknown time zone {name!r}: use an IANA name such as 'Asia/Shanghai'.",
        "未知时区 {name!r}：请使用 IANA 时区名，例如 'Asia/Shanghai'。",
    ),
    "clock.bad_date": (
        "{text!r} is not a date: write it as YYYY-MM-DD, e.g. 2026-03-14.",
        "{text!r} 不是有效日期：请写成 YYYY-MM-DD，例如 2026-03-14。",
    ),
    "gate.not_over": (
        "This screening has not ended yet: finish its steps or abandon it first.",
        "该人员的检查尚未结束：请先完成各环节，或将其中止。",
    ),
    "gate.unknown_case": (
        "No quarantine case {case_id}: pick the person from the quarantine list.",
        "没有编号为 {case_id} 的隔离记录：请从隔离名单中选择人员。",
    ),
    "gate.unknown_record": (
        "No record {uuid} in this ledger: check the record id.",
        "台账中没有记录 {uuid}：请核对记录编号。",
    ),
    "gate.quarantine_needs_person": (
        "This person goes into quarantine before registering: register them at the isolation room "
        "(name, ID number, phone) so the quarantine case knows who it is.",
        "此人在登记前即需隔离：请在隔离间为其登记（姓名、身份证号、手机号），"
        "以便隔离记录可追溯到人。",
    ),
    "gate.unknown_person": (
        "No registered person {person_id}: register the person first.",
        "没有登记编号为 {person_id} 的人员：请先登记。",
    ),
    "passes.not_registered": (
        "Nobody with ID number {id_number} is registered: issue a pass to register them.",
        "没有登记身份证号为 {id_number} 的人员：签发通行证时会同时登记。",
    ),
    "passes.no_pass": ("{name} has no pass to revoke.", "{name} 没有可注销的通行证。"),
    "passes.unknown_person": (
        "No person {person_id} holds a pass in this ledger: nothing was revoked.",
        "本台账中没有人员编号为 {person_id} 的通行证持有人：未注销任何通行证。",
    ),
    "passes.no_such_pass": (
        "No pass with serial {serial} was issued in this ledger: nothing was revoked.",
        "本台账中没有签发过序列号为 {serial} 的通行证：未注销任何通行证。",
    ),
    "passes.not_their_pass": (
        "Pass {serial} was issued to person {holder}, not to {person_id}: nothing was revoked.",
        "序列号为 {serial} 的通行证签发给人员 {holder}，而非 {person_id}：未注销任何通行证。",
    ),
    "passes.revoke_what": (
        "Say whose pass to revoke: --id-number, --person or --serial.",
        "请指明要注销谁的通行证：--id-number、--person 或 --serial。",
    ),
    "retention.bad_days": (
        "--older-than must be 1 to 36500 days (got {days}).",
        "--older-than 须为 1 至 36500 天（当前为 {days}）。",
    ),
    "retention.bytes_kept": (
        "The names are erased in the ledger, but another program still reads it, so the "
        "old bytes stay in its -wal file until it lets go: close the kiosk or console "
        "reading {path} and run the same purge again (it erases nothing twice).",
        "台账中的姓名等已清除，但另有程序正在读取台账，旧数据仍留在其 -wal 文件中，直到该程序释放："
        "请关闭正在读取 {path} 的自助机或管理台后再次执行同样的清除（不会重复清除）。",
    ),
    "retention.badges": (
        "{count} printed badge files from before the cutoff were deleted.",
        "已删除截止日前打印的胸卡文件 {count} 个。",
    ),
    "retention.backups": (
        "Backups of this ledger purged the same way, each with its purge record: {count} "
        "(in {folders}).",
        "已按同样方式清除本台账的备份 {count} 个，每个备份均有清除记录（位于 {folders}）。",
    ),
    "retention.no_backup_folder_given": (
        "No backups were purged: no backup of this ledger was made on this machine and no "
        "--backups DIR was given. If its backups are kept elsewhere, run the same purge with "
        "--backups DIR; until then they still hold the personal data older than the cutoff.",
        "未清除任何备份：本机未为此台账做过备份，也未指定 --backups DIR。若备份存放在别处，"
        "请加上 --backups DIR 再次执行同一清除；在此之前，这些备份仍含有截止日前的个人信息。",
    ),
    "retention.backup_not_purged": (
        "The backup {path} could not be purged and still holds the personal data older "
        "than the cutoff: {problem} Fix that and run the same purge again (it erases "
        "nothing twice), or delete that backup.",
        "备份 {path} 未能清除，仍含有截止日前的个人信息：{problem} 请排除问题后再次执行同一"
        "清除（不会重复清除），或删除该备份。",
    ),
    "retention.backup_bytes_kept": (
        "another program still reads {path}, so its old bytes stay in its -wal file.",
        "另有程序正在读取 {path}，其旧数据仍留在 -wal 文件中。",
    ),
    "retention.backup_os_error": (
        "{path} cannot be opened ({error}).",
        "无法打开 {path}（{error}）。",
    ),
    "retention.full_export": (
        "An unmasked export made before the cutoff still holds names: {file} — delete "
        "every copy of it.",
        "截止日前生成的未脱敏导出文件仍含有姓名：{file} —— 请删除其所有副本。",
    ),
    "backup.restore_would_lose": (
        "{path} holds records the backup lacks (kiosk {kiosk}, up to record {seq}): "
        "restoring would lose them. Nothing was changed. Choose a newer backup, or add "
        "--force to replace the ledger anyway (it is kept beside it as evidence).",
        "{path} 含有备份中没有的记录（自助机 {kiosk}，直至第 {seq} 条）：恢复将丢失这些记录。"
        "未做任何更改。请选择更新的备份，或加 --force 仍然替换（原台账会作为证据保留在旁）。",
    ),
    "backup.restored": (
        "Restored {path} from {backup}: {records} records, head {head}, verified.{kept}",
        "已从 {backup} 恢复 {path}：{records} 条记录，链头 {head}，校验通过。{kept}",
    ),
    "backup.kept": (" The replaced ledger is kept as {kept}.", "被替换的台账保留为 {kept}。"),
    "backup.no_folder": (
        "The backup folder {path} does not exist: create it first (nothing was copied).",
        "备份文件夹 {path} 不存在：请先创建（未复制任何内容）。",
    ),
    "backup.bad_copy": (
        "The backup copy did not verify ({problem}); it was deleted. Check the disk and try again.",
        "备份副本校验未通过（{problem}），已删除。请检查磁盘后重试。",
    ),
    "backup.bad_keep": (
        "--keep must be at least 1 (got {keep}).",
        "--keep 至少为 1（当前为 {keep}）。",
    ),
    "review.need_a_filter": (
        "Say whose screenings or which days: give a person (name or ID number) or a date range.",
        "请指定查询对象或日期：输入人员（姓名或身份证号）或日期范围。",
    ),
    "review.bad_range": (
        "The date range ends ({to}) before it starts ({start}): swap the dates.",
        "日期范围的结束日期（{to}）早于开始日期（{start}）：请调换两个日期。",
    ),
    "review.pass_revoked": ("Site pass revoked", "工地通行证已注销"),
    "review.gate_opened": ("Gate opened: {lane}", "已开闸：{lane}"),
    "review.gate_open_failed": (
        "Admitted, but the gate did not open: {lane} ({problem}); staff were told to open it "
        "by hand",
        "已放行，但未能自动开闸：{lane}（{problem}），已提示门岗人员手动开闸",
    ),
    "review.quarantine_check": (
        "Quarantine check: {temperature} °C",
        "隔离期检查：{temperature} °C",
    ),
    "review.pass_issued": (
        "Site pass issued, valid until {valid_until}",
        "签发工地通行证，有效期至 {valid_until}",
    ),
    "review.correction": (
        "Correction of a {what} record: {reason} (by {by})",
        "更正{what}记录：{reason}（更正人 {by}）",
    ),
    "review.passed": ("passed", "通过"),
    "review.not_passed": ("not passed", "未通过"),
    "review.morning": ("Morning", "早间"),
    "review.evening": ("Evening", "晚间"),
    "review.registered": (
        "Registered: {employer}, {role}, from {origin}",
        "登记：{employer}，{role}，来自{origin}",
    ),
    "review.quarantine_started": (
        "Quarantine started ({reason}); due for a decision on {due}",
        "开始隔离（{reason}），应于 {due} 作出解除决定",
    ),
    "review.quarantine_ended": (
        "Quarantine ended: {decision} after {days} days ({reason}; by {by})",
        "隔离结束：{decision}，共 {days} 天（{reason}；决定人 {by}）",
    ),
    "review.round_temperature": (
        "{slot} temperature round: {reading} °C",
        "{slot}巡查测温：{reading} °C",
    ),
    "export.erased": ("(erased)", "（已清除）"),
    "export.not_registered": ("(not registered)", "（未登记）"),
    "export.bad_format": (
        "Unknown export format {format!r}: use csv, xlsx or pdf.",
        "未知的导出格式 {format!r}：请使用 csv、xlsx 或 pdf。",
    ),
    "export.cannot_write": (
        "Cannot write the export to {path}: {problem}. Nothing was written; choose a writable "
        "folder.",
        "无法将导出文件写入 {path}：{problem}。未写入任何文件；请选择可写的文件夹。",
    ),
    "export.figure.total": ("Screenings", "检查人次"),
    "export.title": ("Daily gate ledger", "每日闸口健康信息台账"),
    "label.ledger_head": ("Ledger head", "台账链头"),
    "export.reason.cleared": ("All checks passed", "检查通过"),
    "export.reason.returning_cleared": ("Returning worker, checks passed", "返场工人检查通过"),
    "export.reason.no_certificate": ("No valid health certificate", "无有效健康证明"),
    "export.reason.certificate_expired": ("Certificate expired", "证件已过期"),
    "export.reason.driver_not_admitted": ("Driver not admitted", "司机未获放行"),
    "export.reason.fever": ("Fever on re-measure", "复测仍发热"),
    "export.reason.risk_region": ("Recent stay in a risk region", "近期到过风险地区"),
    "export.reason.fever_on_round": ("Fever on a temperature round", "巡查测温发热"),
    "export.reason.left_midway": ("Left before the checks were finished", "未完成检查即离开"),
    "export.reason.interrupted": ("Interrupted and not resumed", "检查中断且未恢复"),
    "export.header.channel": ("Channel", "通道"),
    "export.header.id_number": ("ID number", "身份证号"),
    "export.header.outcome": ("Outcome", "结果"),
    "export.header.temperature": ("Temperature (°C)", "体温（°C）"),
    "export.header.lane": ("Lane", "入场通道"),
    "export.header.staff": ("Gate staff", "门岗人员"),
    "export.header.plate": ("Vehicle plate", "车牌号"),
    "export.figure.in_quarantine": ("In quarantine at the end of the day", "当日结束时隔离中"),
    "export.summary": ("Summary", "汇总"),
    "label.date": ("Date", "日期"),
    "export.records": ("Records in the ledger", "台账记录数"),
    # --- the pass badge (gatekeeper.reports.badge): printed in both languages at once ---
    "badge.title": ("Site pass", "工地通行证"),
    "badge.photo": ("Photo", "照片"),
    "badge.valid_until": ("Valid until", "有效期至"),
    # --- reports (gatekeeper.reports): the daily ledger PDF, the inspection report ------
    "report.inspection.title": ("Inspection report", "督导检查报告"),
    "report.inspection.period": ("Period: {start} to {end}", "检查期间：{start} 至 {end}"),
    "label.site": ("Site", "工地"),
    "report.inspection.intact": (
        "Ledger integrity: INTACT — all {n} records verified; no record was altered, removed, "
        "inserted or reordered.",
        "台账完整性：完好 —— 全部 {n} 条记录校验通过，无记录被篡改、删除、插入或调换顺序。",
    ),
    "report.inspection.tampered": (
        "Ledger integrity: TAMPERED — first problem at record #{seq}: {what}",
        "台账完整性：已被篡改 —— 第一个问题在第 {seq} 条记录：{what}",
    ),
    "report.inspection.chain_head": ("Chain head", "链头"),
    "report.inspection.figures": ("Figures per day", "每日数据"),
    "report.inspection.opened": ("Quarantine cases opened", "新增隔离"),
    "report.inspection.closed": ("Quarantine cases closed", "结束隔离"),
    "report.inspection.none": ("None in this period.", "本期间无。"),
    "report.inspection.total": ("Total", "合计"),
    "report.inspection.in_quarantine": ("In quarantine", "隔离中"),
    "label.released": ("Released", "解除隔离"),
    "report.inspection.case": ("Case", "编号"),
    "report.inspection.started": ("Started", "开始"),
    "report.inspection.due": ("Due", "应解除"),
    "report.inspection.decision": ("Decision", "决定"),
    "report.inspection.ended": ("Ended", "结束"),
    "report.daily.masked": (
        "ID numbers and mobile numbers are masked.",
        "身份证号和手机号已做脱敏处理。",
    ),
    "report.daily.full": (
        "FULL personal data (inspector export): keep this copy confidential.",
        "含完整个人信息（督导检查导出）：请妥善保密。",
    ),
    "report.page_of": ("Page {n} of {m}", "第 {n} 页，共 {m} 页"),
    # --- the command line (gatekeeper.cli) ------------------------------------------
    "cli.needs_as": (
        "This command acts as an account: add --as USERNAME ({allowed} may {action}); its PIN is "
        "asked for.",
        "此命令须以账户身份执行：请加上 --as 用户名（{allowed}可以{action}），随后输入其 PIN。",
    ),
    "cli.no_pin": (
        "No PIN for {username} on standard input: give one line per PIN asked for.",
        "标准输入中没有 {username} 的 PIN：每个要求输入的 PIN 占一行。",
    ),
    "cli.pins_differ": (
        "The two PINs differ: enter the same PIN twice (nothing was written).",
        "两次输入的 PIN 不一致：请输入相同的 PIN 两次（未写入任何内容）。",
    ),
    "cli.pin_prompt": ("PIN for {username}", "{username} 的 PIN"),
    "cli.new_pin_prompt": (
        "New PIN for {username} ({min}-{max} digits)",
        "{username} 的新 PIN（{min}-{max} 位数字）",
    ),
    "cli.repeat_pin": ("Repeat the PIN", "再次输入 PIN"),
    "cli.kiosk_pin_prompt": (
        "New kiosk PIN ({min}-{max} digits)",
        "新的自助机 PIN（{min}-{max} 位数字）",
    ),
    "cli.kiosk_pin_saved": (
        "Kiosk PIN saved to {path}. It is needed to leave `gatekeeper gui --kiosk`.",
        "自助机 PIN 已保存到 {path}。退出 `gatekeeper gui --kiosk` 时需要输入。",
    ),
    "cli.help_hint": ("see '{command} --help'", "参见 '{command} --help'"),
    "cli.policy_exists": (
        "{path} already exists: edit it, or add --force to overwrite it.",
        "{path} 已存在：请直接编辑，或加 --force 覆盖。",
    ),
    "cli.no_code": ("No QR code found in {path}.", "{path} 中没有找到二维码。"),
    "cli.one_source": (
        "Give exactly one of --payload TEXT or --image FILE.",
        "请只给出 --payload TEXT 或 --image FILE 其中之一。",
    ),
    "cli.unreadable_image": ("cannot read {path} as an image", "无法将 {path} 读取为图片"),
    # --- the command line: ledger and manager commands --------------------------------
    "cli.no_db": (
        "--db is required: name the ledger file, e.g. --db ledger.sqlite3.",
        "缺少 --db：请指定台账文件，例如 --db ledger.sqlite3。",
    ),
    "cli.missing_db": (
        "No ledger at {path}: check the path (nothing was created).",
        "{path} 处没有台账：请检查路径（未创建任何文件）。",
    ),
    "cli.figures.in_quarantine": ("In quarantine now", "隔离中"),
    "cli.add_needs_as": (
        "This ledger has accounts already: a site manager creates the others (add --as USERNAME; "
        "its PIN is asked for, then the new PIN twice).",
        "此台账已有账户：其他账户须由项目负责人创建（请加上 --as 用户名；先输入其 PIN，再输入新 "
        "PIN 两次）。",
    ),
    "cli.account_created": (
        "Account {username} ({role}) created.",
        "已创建账户 {username}（{role}）。",
    ),
    "cli.account_list_old_pin": (
        "PIN set before the {min}-digit rule: change it if it is shorter",
        "PIN 设于 {min} 位规则之前：如不足 {min} 位请修改",
    ),
    "cli.no_accounts": (
        "No accounts yet: create the site manager with `gatekeeper account add --role "
        "site_manager`.",
        "尚无账户：请用 `gatekeeper account add --role site_manager` 创建项目负责人账户。",
    ),
    "cli.exported": (
        "Exported {rows} screenings of {day} to {path} (sha256 {digest}); recorded in the ledger.",
        "已将 {day} 的 {rows} 条检查记录导出到 {path}（sha256 {digest}），并已记入台账。",
    ),
    "cli.reported": (
        "Inspection report {start} to {end} written to {path}: ledger {verdict}, head {head}.",
        "督导检查报告（{start} 至 {end}）已写入 {path}：台账{verdict}，链头 {head}。",
    ),
    "cli.purged": (
        "Erased the personal fields of {records} records dated before {cutoff} and {drafts} "
        "unfinished screenings; the purge is recorded. Figures and `gatekeeper verify` are "
        "unchanged.",
        "已清除 {cutoff} 之前 {records} 条记录的个人信息及 {drafts} 条未完成的检查；"
        "本次清除已记入台账。统计数据与 `gatekeeper verify` 结果不受影响。",
    ),
    "cli.backed_up": (
        "Backup written to {path} ({records} records, head {head}, verified); {removed} older "
        "backups removed.",
        "备份已写入 {path}（{records} 条记录，链头 {head}，已校验）；已删除 {removed} "
        "个较早的备份。",
    ),
    "cli.aborted": ("aborted", "已中止"),
    "cli.empty_path": (
        "an empty path names no file: give a file name",
        "空路径不指向任何文件：请给出文件名",
    ),
    "cli.not_text": (
        "{value} is not valid UTF-8 text: type it again in UTF-8",
        "{value} 不是有效的 UTF-8 文本：请以 UTF-8 重新输入",
    ),
    "cli.os_error": (
        "cannot use {path}: {problem}. Nothing more was done; check the path and its "
        "permissions.",
        "无法使用 {path}：{problem}。未再执行任何操作；请检查路径及其权限。",
    ),
    "cli.internal_error": (
        "unexpected error ({error}); nothing more was done. Please report it with the "
        "command you ran.",
        "出现意外错误（{error}），未再执行任何操作。请连同所运行的命令一并报告。",
    ),
    "cli.start_out_of_range": (
        "--start {start} with --days {days} runs past the calendar: the simulated days must "
        "lie between {first} and {last}.",
        "--start {start} 加 --days {days} 超出日历范围：模拟的日期须在 {first} 至 {last} 之间。",
    ),
    "cli.range_too_long": (
        "--from {start} --to {end} is {days} days: a report covers at most {limit} days. "
        "Make several reports.",
        "--from {start} --to {end} 共 {days} 天：一份报告最多 {limit} 天。请分成几份报告。",
    ),
    "cli.verdict.intact": ("intact", "完好"),
    "cli.verdict.tampered": ("TAMPERED", "已被篡改"),
    # --- the site hub (PostgreSQL) ------------------------------------------------
    "hub.unreachable": (
        "The site hub ({hub}) cannot be reached: {detail}. Nothing is lost: the records wait "
        "in this ledger; sync again when the network or the hub is back.",
        "无法连接站点中心库（{hub}）：{detail}。数据没有丢失：记录保存在本台账中，"
        "网络或中心库恢复后请再次同步。",
    ),
    "hub.insecure": (
        "The hub ({hub}) is on another machine: connect with its certificate checked "
        "(sslmode=verify-full and the server's CA in sslrootcert), not sslmode={mode}.",
        "中心库（{hub}）在另一台机器上：连接时必须校验其证书（sslmode=verify-full，"
        "并以 sslrootcert 指定服务器的 CA），不能使用 sslmode={mode}。",
    ),
    "hub.bad_dsn": (
        "{hub} is not a connection string: write it as host=... dbname=... or "
        "postgresql://host/dbname.",
        "{hub} 不是有效的连接串：请写成 host=... dbname=... 或 postgresql://主机/数据库。",
    ),
    "hub.not_initialised": (
        "The database {hub} is not a GateKeeper hub yet: run `gatekeeper hub init --hub DSN` "
        "first.",
        "数据库 {hub} 尚未初始化为 GateKeeper 中心库：请先运行 `gatekeeper hub init --hub DSN`。",
    ),
    "hub.newer": (
        "The hub {hub} was set up by a newer GateKeeper (schema {found}): update this program.",
        "中心库 {hub} 由更新版本的 GateKeeper 建立（结构版本 {found}）：请升级本程序。",
    ),
    "hub.not_allowed": (
        "The hub refused: {detail}. Ask the site's administrator for the right access.",
        "中心库拒绝了操作：{detail}。请向站点管理员申请相应权限。",
    ),
    "hub.kiosk_unknown": (
        "Kiosk {kiosk} is not registered at the hub: run `gatekeeper hub add-kiosk --hub DSN "
        "--db {db}` on this machine.",
        "终端 {kiosk} 未在中心库登记：请在本机运行 "
        "`gatekeeper hub add-kiosk --hub DSN --db {db}`。",
    ),
    "hub.no_connection": (
        "This kiosk ({kiosk}) has no hub yet: give --hub DSN, or register it once with "
        "`gatekeeper hub add-kiosk --hub DSN --db {db}`.",
        "本终端（{kiosk}）尚未连接中心库：请加上 --hub DSN，或先运行一次 "
        "`gatekeeper hub add-kiosk --hub DSN --db {db}` 完成登记。",
    ),
    "hub.diverged": (
        "The hub refuses kiosk {kiosk}: at sequence {seq} this ledger holds another record than "
        "the hub. It was rewritten, restored from an old backup, or is a copy of another "
        "kiosk's disk. A copied machine: run `gatekeeper kiosk new-id --db {db}`; a rewritten "
        "one: restore its last good backup (README, \"The site hub\").",
        "中心库拒绝终端 {kiosk}：序号 {seq} 处本台账的记录与中心库不同。台账被改写、"
        "从旧备份恢复，或是另一台终端磁盘的副本。复制的机器：请运行 "
        "`gatekeeper kiosk new-id --db {db}`；被改写的：请恢复最近的完好备份（见 README"
        "“站点中心库”）。",
    ),
    "hub.behind": (
        "The hub refuses kiosk {kiosk}: the hub holds its records up to sequence {seq}, this "
        "ledger only up to {local}. It was restored from an old backup or is a copy of another "
        "kiosk's disk: run `gatekeeper kiosk new-id --db {db}` (README, \"The site hub\").",
        "中心库拒绝终端 {kiosk}：中心库已有其序号 {seq} 之前的记录，本台账只到 {local}。"
        "台账是从旧备份恢复的，或是另一台终端磁盘的副本：请运行 "
        "`gatekeeper kiosk new-id --db {db}`（见 README“站点中心库”）。",
    ),
    "hub.conflict": (
        "The hub refuses record {uuid} of kiosk {kiosk} (sequence {seq}): {detail}. Nothing "
        "was dropped; report it to the site's administrator.",
        "中心库拒绝终端 {kiosk} 的记录 {uuid}（序号 {seq}）：{detail}。未丢弃任何记录；"
        "请报告站点管理员。",
    ),
    "hub.pulled_broken": (
        "A record from the hub does not fit kiosk {kiosk}'s chain at sequence {seq}: {detail}. "
        "Nothing of it was taken in; run `gatekeeper verify --hub DSN` and report it.",
        "来自中心库的记录与终端 {kiosk} 的哈希链在序号 {seq} 处不符：{detail}。"
        "未接收其中任何记录；请运行 `gatekeeper verify --hub DSN` 并报告。",
    ),
    "hub.synced": (
        "Synced kiosk {kiosk}: {pushed} sent, {pulled} received, {waiting} waiting.",
        "终端 {kiosk} 已同步：发送 {pushed} 条，接收 {pulled} 条，待发送 {waiting} 条。",
    ),
    "hub.initialised": (
        "The hub {hub} is ready (schema {version}).",
        "中心库 {hub} 已就绪（结构版本 {version}）。",
    ),
    "hub.kiosk_added": (
        "Kiosk {kiosk} is registered at the hub; its connection is kept (owner-only) in {file}. "
        "Its DSN:",
        "终端 {kiosk} 已在中心库登记；其连接信息（仅本人可读）保存在 {file}。其 DSN：",
    ),
    "hub.reader_added": (
        "{name} may now read the site's records at the hub as {role} (nothing can be written "
        "with it); the connection is kept (owner-only) in {file}. Its DSN:",
        "{name} 现可作为 {role} 读取中心库中的站点记录（不能写入）；连接信息（仅本人可读）"
        "保存在 {file}。其 DSN：",
    ),
    "hub.new_id": (
        "This ledger's kiosk is now {kiosk} (was {old}): its new records start a chain of their "
        "own; sync it with `gatekeeper hub add-kiosk` then `gatekeeper sync`.",
        "本台账的终端编号现为 {kiosk}（原为 {old}）：新记录将开始新的哈希链；"
        "请运行 `gatekeeper hub add-kiosk` 后再 `gatekeeper sync`。",
    ),
    "hub.status.synced": ("synced {ago} · {waiting} waiting", "{ago}已同步 · {waiting} 条待发送"),
    "hub.status.offline": (
        "offline since {since} · {waiting} waiting", "自 {since} 起离线 · {waiting} 条待发送"),
    "hub.status.refused": ("hub refuses this kiosk: {detail}", "中心库拒绝本终端：{detail}"),
    "hub.status.never": ("not synced yet · {waiting} waiting", "尚未同步 · {waiting} 条待发送"),
    "hub.ago.now": ("just now", "刚刚"),
    "hub.ago.minutes": ("{n} min ago", "{n} 分钟前"),
    "hub.ago.hours": ("{n} h ago", "{n} 小时前"),
    "hub.ago.days": ("{n} days ago", "{n} 天前"),
    "verify.hub_ok": (
        "OK: {records} records on the hub, {kiosks} kiosks",
        "正常：中心库共 {records} 条记录，{kiosks} 台终端",
    ),
}

# Keys whose words are another key's (a vocabulary member or a field label that reads
# the same as another): the text is written once, under the key it points to.
_SAME_AS: dict[str, str] = {
    "field.scan": "step.qr_scan",
    "code_colour.yellow": "scan_status.yellow",
    "code_colour.red": "scan_status.red",
}

CATALOGUE: dict[str, Text] = {code: Text(en, zh) for code, (en, zh) in _RAW.items()}
CATALOGUE.update({code: CATALOGUE[same] for code, same in _SAME_AS.items()})


def key_for(code: str | Enum) -> str:
    """The catalogue key of a code or vocabulary member (`Reason.FEVER` → `reason.fever`)."""
    if isinstance(code, Enum):
        for enum_type, prefix in ENUM_PREFIX.items():
            if isinstance(code, enum_type):
                return f"{prefix}.{code.value}"
        return str(code.value)
    return str(code)


def entry(code: str | Enum) -> Text:
    """The catalogue entry for `code`; KeyError names a missing code, so gaps show in tests."""
    key = key_for(code)
    try:
        return CATALOGUE[key]
    except KeyError:
        raise KeyError(f"no catalogue entry for {key!r}") from None


def localise(value: Any, lang: str) -> Any:
    """Show a parameter in `lang`: vocabulary members and `Text` are translated."""
    if isinstance(value, Text):
        return value.pick(lang)
    if isinstance(value, Enum) and type(value) in ENUM_PREFIX:
        return entry(value).format(lang)
    return value


def text(code: str | Enum, lang: str = "en", **params: Any) -> str:
    """The message for `code` in `lang` (`en` or `zh_CN`), with `{name}` filled from params."""
    return entry(code).format(lang, **{k: localise(v, lang) for k, v in params.items()})


def filled(code: str | Enum, **params: Any) -> Text:
    """`code`'s entry with its parameters filled in both languages (a nested message)."""
    template = entry(code)
    return Text(
        template.format("en", **{k: localise(v, "en") for k, v in params.items()}),
        template.format("zh_CN", **{k: localise(v, "zh_CN") for k, v in params.items()}),
    )
