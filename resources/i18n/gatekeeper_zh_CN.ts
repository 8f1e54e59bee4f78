<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountsPage</name>
    <message>
        <location filename="../../gatekeeper/ui/manager/accounts.py" line="193"/>
        <source>Pick the account in the list first.</source>
        <translation>请先在列表中选择账户。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/accounts.py" line="199"/>
        <source>The two PINs differ: enter the same PIN twice.</source>
        <translation>两次输入的 PIN 不一致：请输入两次相同的 PIN。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/accounts.py" line="220"/>
        <source>Account {username} created. Recorded in the ledger.</source>
        <translation>账户 {username} 已创建，已记入台账。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/accounts.py" line="224"/>
        <source>New PIN set for {username}; any lockout is over. Recorded in the ledger.</source>
        <translation>已为 {username} 设置新 PIN，锁定已解除。已记入台账。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/accounts.py" line="255"/>
        <source>Touch the account in the list whose PIN you reset.</source>
        <translation>请在左侧列表中点选要重置 PIN 的账户。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/accounts.py" line="258"/>
        <source>New PIN for {name} ({username})</source>
        <translation>为 {name}（{username}）设置新 PIN</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/accounts.py" line="262"/>
        <source>Create account</source>
        <translation>创建账户</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/accounts.py" line="263"/>
        <source>Reset PIN</source>
        <translation>重置 PIN</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/accounts.py" line="268"/>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/accounts.py" line="270"/>
        <location filename="../../gatekeeper/ui/manager/accounts.py" line="279"/>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/accounts.py" line="271"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/accounts.py" line="272"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/accounts.py" line="273"/>
        <source>Locked until</source>
        <translation>锁定至</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/accounts.py" line="275"/>
        <source>New account</source>
        <translation>新建账户</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/accounts.py" line="276"/>
        <source>Reset a PIN</source>
        <translation>重置 PIN</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/accounts.py" line="280"/>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/accounts.py" line="281"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/accounts.py" line="282"/>
        <source>PIN again</source>
        <translation>再次输入 PIN</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/accounts.py" line="283"/>
        <source>e.g. zhang.wei</source>
        <translation>例如 zhang.wei</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/accounts.py" line="286"/>
        <source>Clear form</source>
        <translation>清空</translation>
    </message>
</context>
<context>
    <name>CameraView</name>
    <message>
        <location filename="../../gatekeeper/ui/camera_view.py" line="106"/>
        <source>Or type the code and press Enter</source>
        <translation>或输入码后按回车</translation>
    </message>
</context>
<context>
    <name>CertificatePage</name>
    <message>
        <location filename="../../gatekeeper/ui/steps/certificate.py" line="97"/>
        <source>No document</source>
        <translation>无证件</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/certificate.py" line="100"/>
        <source>Valid until (leave empty if none)</source>
        <translation>有效期至（无则留空）</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/certificate.py" line="103"/>
        <source>e.g. 2020-12-31</source>
        <translation>例如 2020-12-31</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/certificate.py" line="108"/>
        <source>No document: turn away</source>
        <translation>无证件：劝返</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/certificate.py" line="109"/>
        <source>Certificate checked</source>
        <translation>证件已查验</translation>
    </message>
</context>
<context>
    <name>Channel</name>
    <message>
        <location filename="../../gatekeeper/ui/start_screen.py" line="33"/>
        <source>Worker</source>
        <translation>工人</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/start_screen.py" line="34"/>
        <source>Visitor</source>
        <translation>访客</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/start_screen.py" line="35"/>
        <source>Goods vehicle</source>
        <translation>货车</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/start_screen.py" line="42"/>
        <source>Workers entering for the first time</source>
        <translation>首次进场的工人</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/start_screen.py" line="45"/>
        <source>Visitors, suppliers, inspectors</source>
        <translation>访客、供货人员、督导检查人员</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/start_screen.py" line="46"/>
        <source>Driver and passengers, east lane</source>
        <translation>司机及随车人员，东侧通道</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <location filename="../../gatekeeper/ui/crash.py" line="101"/>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/crash.py" line="102"/>
        <source>GateKeeper hit an unexpected error. Nothing half-written was kept, and what was entered is still on screen: try again. If it happens again, call the site manager.</source>
        <translation>GateKeeper 出现意外错误。未保留任何写了一半的内容，已填写的内容仍在屏幕上：请重试。如再次出现，请联系项目负责人。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/crash.py" line="106"/>
        <source>The details are in the log file {path}.</source>
        <translation>详情见日志文件 {path}。</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../gatekeeper/ui/manager/dashboard.py" line="61"/>
        <source>Admitted</source>
        <translation>放行</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/dashboard.py" line="62"/>
        <source>Turned away</source>
        <translation>劝返</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/dashboard.py" line="63"/>
        <source>Quarantined</source>
        <translation>隔离</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/dashboard.py" line="64"/>
        <source>Abandoned</source>
        <translation>中止</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/dashboard.py" line="65"/>
        <source>In quarantine now</source>
        <translation>当前隔离中</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/dashboard.py" line="66"/>
        <source>On site now</source>
        <translation>当前在场</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/dashboard.py" line="236"/>
        <source>Day {n}</source>
        <translation>第 {n} 天</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/dashboard.py" line="238"/>
        <source>{date} overdue</source>
        <translation>{date} 已逾期</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/dashboard.py" line="253"/>
        <source>No alerts.</source>
        <translation>暂无预警。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/dashboard.py" line="262"/>
        <source>Today, {date}</source>
        <translation>今日，{date}</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/dashboard.py" line="272"/>
        <source>{n} days</source>
        <translation>{n} 天</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/dashboard.py" line="273"/>
        <source>Screenings by outcome, last {n} days</source>
        <translation>近 {n} 天检查结果</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/dashboard.py" line="275"/>
        <source>Alerts</source>
        <translation>预警</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/dashboard.py" line="276"/>
        <source>On site now, by zone</source>
        <translation>当前在场人员（按区域）</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/dashboard.py" line="277"/>
        <source>In quarantine: day count and due date</source>
        <translation>隔离人员：隔离天数与到期日</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/dashboard.py" line="280"/>
        <source>Zone</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/dashboard.py" line="281"/>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/dashboard.py" line="282"/>
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/dashboard.py" line="285"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/dashboard.py" line="286"/>
        <source>Day</source>
        <translation>天数</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/dashboard.py" line="287"/>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/dashboard.py" line="288"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/dashboard.py" line="297"/>
        <source>Fever on the {round}: {name}, {reading} °C — sent to quarantine.</source>
        <translation>{round}发热：{name}，{reading} °C，已转入隔离。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/dashboard.py" line="303"/>
        <source>{round}: {n} on site not measured yet ({names}).</source>
        <translation>{round}：在场 {n} 人尚未测温（{names}）。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/dashboard.py" line="307"/>
        <source>Quarantine overdue: {name}, due {date} — decide on release.</source>
        <translation>隔离逾期：{name}，{date} 到期，请作出解除隔离决定。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/dashboard.py" line="311"/>
        <source>The site hub refuses this kiosk: {detail}</source>
        <translation>站点中心库拒绝本终端：{detail}</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/dashboard.py" line="315"/>
        <source>Not synced with the site hub since {time}: the other gates do not see this kiosk&apos;s records. Check the network.</source>
        <translation>自 {time} 起未与站点中心库同步：其他门岗看不到本终端的记录。请检查网络。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/dashboard.py" line="320"/>
        <source>Not disinfected ({slot}): {zones}.</source>
        <translation>未消毒（{slot}）：{zones}。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/dashboard.py" line="334"/>
        <source>evening</source>
        <translation>晚间</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/dashboard.py" line="335"/>
        <source>morning</source>
        <translation>早间</translation>
    </message>
</context>
<context>
    <name>DisinfectionPage</name>
    <message>
        <location filename="../../gatekeeper/ui/steps/disinfection.py" line="49"/>
        <source>Disinfect hands, clothes and luggage, then confirm.</source>
        <translation>请对双手、衣物和随身物品消毒，然后确认。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/disinfection.py" line="51"/>
        <source>The vehicle was disinfected too</source>
        <translation>车辆也已消毒</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/disinfection.py" line="55"/>
        <source>Disinfection done</source>
        <translation>消毒完成</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../gatekeeper/ui/manager/export_dialog.py" line="242"/>
        <source>Save the export as</source>
        <translation>导出文件另存为</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/export_dialog.py" line="275"/>
        <source>Choose a file to write first.</source>
        <translation>请先选择要写入的文件。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/export_dialog.py" line="312"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/export_dialog.py" line="333"/>
        <source>intact</source>
        <translation>完好</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/export_dialog.py" line="335"/>
        <source>ALTERED</source>
        <translation>已被篡改</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/export_dialog.py" line="337"/>
        <source>Inspection report written: {path}
Ledger {verdict}, head {head}
SHA-256 {digest}. The export is recorded in the ledger.</source>
        <translation>督导检查报告已写入：{path}
台账{verdict}，链头 {head}
SHA-256 {digest}。本次导出已记入台账。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/export_dialog.py" line="347"/>
        <source>Exported {rows} screenings to {path}
SHA-256 {digest}. The export is recorded in the ledger.</source>
        <translation>已导出 {rows} 条检查记录到 {path}
SHA-256 {digest}。本次导出已记入台账。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/export_dialog.py" line="359"/>
        <source>The export failed: {problem}. Nothing was written.</source>
        <translation>导出失败：{problem}。未写入任何文件。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/export_dialog.py" line="381"/>
        <location filename="../../gatekeeper/ui/manager/export_dialog.py" line="405"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/export_dialog.py" line="382"/>
        <source>Export the ledger</source>
        <translation>导出健康信息台账</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/export_dialog.py" line="384"/>
        <source>Daily ledger (one row per screening)</source>
        <translation>每日台账（每次检查一行）</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/export_dialog.py" line="387"/>
        <source>Inspection report (PDF, a date range)</source>
        <translation>督导检查报告（PDF，日期范围）</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/export_dialog.py" line="393"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/export_dialog.py" line="394"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/export_dialog.py" line="395"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/export_dialog.py" line="396"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/export_dialog.py" line="397"/>
        <source>Full values</source>
        <translation>完整信息</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/export_dialog.py" line="399"/>
        <source>Unmasked ID numbers and phones (inspectors)</source>
        <translation>不遮挡身份证号和手机号（督导检查人员）</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/export_dialog.py" line="403"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/export_dialog.py" line="404"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/export_dialog.py" line="406"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>FiguresStrip</name>
    <message>
        <location filename="../../gatekeeper/ui/start_screen.py" line="150"/>
        <source>Admitted</source>
        <translation>放行</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/start_screen.py" line="151"/>
        <source>Turned away</source>
        <translation>劝返</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/start_screen.py" line="152"/>
        <source>Quarantined</source>
        <translation>隔离</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/start_screen.py" line="153"/>
        <source>In quarantine now</source>
        <translation>正在隔离</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/start_screen.py" line="161"/>
        <source>Today, {date}</source>
        <translation>今日（{date}）</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/start_screen.py" line="165"/>
        <source>Today</source>
        <translation>今日</translation>
    </message>
</context>
<context>
    <name>KioskPage</name>
    <message>
        <location filename="../../gatekeeper/ui/steps/base.py" line="231"/>
        <source>Back to start</source>
        <translation>返回首页</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/base.py" line="232"/>
        <source>Abandon</source>
        <translation>中止</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/base.py" line="252"/>
        <location filename="../../gatekeeper/ui/steps/vehicle_plate.py" line="114"/>
        <source>Driver</source>
        <translation>司机</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/base.py" line="255"/>
        <location filename="../../gatekeeper/ui/steps/vehicle_plate.py" line="115"/>
        <source>Passenger {n}</source>
        <translation>乘车人{n}</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/base.py" line="259"/>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gatekeeper/ui/main_window.py" line="466"/>
        <source>Only a site pass can be scanned here: choose worker, visitor or goods vehicle first.</source>
        <translation>此处只能扫工地通行证：请先选择工人、访客或货车。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/main_window.py" line="450"/>
        <location filename="../../gatekeeper/ui/main_window.py" line="470"/>
        <source>A code was scanned, but this screen does not take one: nothing was entered.</source>
        <translation>已扫到一个码，但本页面不接受扫码：未录入任何内容。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/main_window.py" line="335"/>
        <source>Finish or abandon this screening before opening the manager console.</source>
        <translation>请先完成或中止当前检查，再打开管理台。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/main_window.py" line="555"/>
        <source>Sent to the printer {name}.</source>
        <translation>已发送到打印机 {name}。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/main_window.py" line="561"/>
        <source>No printer attached: saved as PDF {path}</source>
        <translation>未连接打印机：已另存为 PDF {path}</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/main_window.py" line="565"/>
        <source>Printing failed: hand over a printed copy.</source>
        <translation>打印失败：请发放纸质告知书。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/main_window.py" line="662"/>
        <source>Worksite entry checkpoint</source>
        <translation>工地出入口卡口</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/main_window.py" line="669"/>
        <source>Switch the screen&apos;s language</source>
        <translation>切换界面语言</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/main_window.py" line="671"/>
        <source>Manager</source>
        <translation>管理</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/main_window.py" line="673"/>
        <source>Site managers and inspectors: sign in for the dashboard, rounds, quarantine, review and exports</source>
        <translation>项目负责人和督导检查人员：登录后查看看板、巡查、隔离、核查和导出</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/main_window.py" line="700"/>
        <source>{channel}: no ledger is open, so nobody can be screened here.</source>
        <translation>{channel}：未打开台账，此处无法办理进场检查。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/main_window.py" line="455"/>
        <location filename="../../gatekeeper/ui/main_window.py" line="711"/>
        <source>No ledger is open: passes cannot be checked here.</source>
        <translation>未打开台账：此处无法查验通行证。</translation>
    </message>
</context>
<context>
    <name>Manager</name>
    <message>
        <location filename="../../gatekeeper/ui/manager/common.py" line="37"/>
        <source>Zone not recorded</source>
        <translation>未记录区域</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/common.py" line="48"/>
        <source>Fever at the gate</source>
        <translation>卡口发热</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/common.py" line="49"/>
        <source>Risk region</source>
        <translation>到过风险地区</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/common.py" line="50"/>
        <source>Yellow code</source>
        <translation>黄码</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/common.py" line="51"/>
        <source>Fever on a round</source>
        <translation>巡查测温发热</translation>
    </message>
</context>
<context>
    <name>ManagerConsole</name>
    <message>
        <location filename="../../gatekeeper/ui/manager/console.py" line="216"/>
        <source>Site manager</source>
        <translation>项目负责人</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/console.py" line="217"/>
        <source>{name} ({username})</source>
        <translation>{name}（{username}）</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/console.py" line="221"/>
        <source>Dashboard</source>
        <translation>数据看板</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/console.py" line="222"/>
        <source>Rounds</source>
        <translation>测温巡查与消毒</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/console.py" line="223"/>
        <source>Quarantine</source>
        <translation>隔离跟踪</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/console.py" line="224"/>
        <source>Review</source>
        <translation>核查</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/console.py" line="225"/>
        <source>Passes</source>
        <translation>通行证</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/console.py" line="226"/>
        <source>Policy</source>
        <translation>防疫规定</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/console.py" line="227"/>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/console.py" line="229"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/console.py" line="232"/>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
</context>
<context>
    <name>NoticeBanner</name>
    <message>
        <location filename="../../gatekeeper/ui/notice.py" line="71"/>
        <source>OK</source>
        <translation>知道了</translation>
    </message>
</context>
<context>
    <name>NoticePage</name>
    <message>
        <location filename="../../gatekeeper/ui/steps/notice.py" line="62"/>
        <source>Print notice</source>
        <translation>打印告知书</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/notice.py" line="66"/>
        <source>Notice handed over</source>
        <translation>告知书已发放</translation>
    </message>
</context>
<context>
    <name>OutcomePage</name>
    <message>
        <location filename="../../gatekeeper/ui/steps/outcome.py" line="82"/>
        <source>Press any key or touch the screen for the next person</source>
        <translation>按任意键或触摸屏幕，办理下一位</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/outcome.py" line="92"/>
        <source>Call {phone}</source>
        <translation>联系电话：{phone}</translation>
    </message>
</context>
<context>
    <name>PassScanPage</name>
    <message>
        <location filename="../../gatekeeper/ui/steps/pass_scan.py" line="79"/>
        <source>Scan the worker&apos;s site pass, or type their ID number.</source>
        <translation>请扫工人的工地通行码，或输入其证件号码。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/pass_scan.py" line="82"/>
        <source>Site pass or ID number</source>
        <translation>工地通行证或证件号码</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/pass_scan.py" line="88"/>
        <source>Check pass</source>
        <translation>查验通行证</translation>
    </message>
</context>
<context>
    <name>PassesPage</name>
    <message>
        <location filename="../../gatekeeper/ui/manager/passes.py" line="216"/>
        <source>The site key could not be written: check the data folder&apos;s permissions.</source>
        <translation>无法写入工地密钥：请检查数据文件夹的权限。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/passes.py" line="238"/>
        <source>Registered {name} and issued a pass valid until {until}.</source>
        <translation>已登记 {name}，并签发通行证，有效期至 {until}。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/passes.py" line="244"/>
        <source>{name} was already registered: issued a new pass valid until {until}.</source>
        <translation>{name} 已登记过：已签发新通行证，有效期至 {until}。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/passes.py" line="277"/>
        <source>Save the badge as</source>
        <translation>通行证图片另存为</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/passes.py" line="305"/>
        <source>Badge saved as {path}</source>
        <translation>通行证图片已保存为 {path}</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/passes.py" line="311"/>
        <source>Could not write {path}: choose another folder.</source>
        <translation>无法写入 {path}：请选择其他文件夹。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/passes.py" line="335"/>
        <source>Sent to the printer {name}.</source>
        <translation>已发送到打印机 {name}。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/passes.py" line="364"/>
        <source>Printing failed: save the badge and print it elsewhere.</source>
        <translation>打印失败：请保存通行证图片，在别处打印。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/passes.py" line="370"/>
        <source>No printer attached: saved as PDF {path}</source>
        <translation>未连接打印机：已另存为 PDF {path}</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/passes.py" line="403"/>
        <source>{name}&apos;s pass is revoked: it is refused at the gate from now on.</source>
        <translation>{name} 的通行证已注销：从现在起闸口将拒绝该证。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/passes.py" line="426"/>
        <source>Issue a site pass</source>
        <translation>签发工地通行证</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/passes.py" line="429"/>
        <source>Issuing registers the worker if they are new (or finds them by ID number) and signs the pass with the site&apos;s key.</source>
        <translation>签发时，新工人会被登记（已登记的按身份证号查到），并用工地密钥签名通行证。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/passes.py" line="437"/>
        <source>This machine has no site key yet: issuing the first pass creates the site&apos;s signing key (kept in the data folder, never in the ledger). Back it up; passes signed with it are refused if it is lost.</source>
        <translation>本机尚无工地密钥：签发第一张通行证会生成工地签名密钥（保存在数据文件夹中，绝不写入台账）。请备份密钥；密钥丢失后，用它签发的通行证都会被拒绝。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/passes.py" line="447"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/passes.py" line="448"/>
        <location filename="../../gatekeeper/ui/manager/passes.py" line="459"/>
        <location filename="../../gatekeeper/ui/manager/passes.py" line="466"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/passes.py" line="449"/>
        <source>Mobile phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/passes.py" line="450"/>
        <source>Employer</source>
        <translation>所属单位</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/passes.py" line="451"/>
        <source>Valid for (days)</source>
        <translation>有效天数</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/passes.py" line="456"/>
        <source>Issue the pass</source>
        <translation>签发通行证</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/passes.py" line="457"/>
        <source>Revoke a pass</source>
        <translation>注销通行证</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/passes.py" line="462"/>
        <source>Reason (optional)</source>
        <translation>原因（可选）</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/passes.py" line="464"/>
        <source>Revoke</source>
        <translation>注销</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/passes.py" line="465"/>
        <source>A person&apos;s pass</source>
        <translation>查询通行证</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/passes.py" line="467"/>
        <source>Show</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/passes.py" line="468"/>
        <source>Badge</source>
        <translation>通行证</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/passes.py" line="469"/>
        <source>Save the badge…</source>
        <translation>保存通行证图片…</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/passes.py" line="470"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/passes.py" line="473"/>
        <source>The badge appears here once a pass is issued.</source>
        <translation>签发通行证后，图片显示在这里。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/passes.py" line="483"/>
        <source>{name} is registered but has no pass.</source>
        <translation>{name} 已登记，但没有通行证。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/passes.py" line="488"/>
        <source>{name}&apos;s pass (valid until {until}) was revoked on {day}.</source>
        <translation>{name} 的通行证（有效期至 {until}）已于 {day} 注销。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/passes.py" line="492"/>
        <source>{name} holds a pass issued {issued}, valid until {until}.</source>
        <translation>{name} 持有 {issued} 签发的通行证，有效期至 {until}。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/passes.py" line="495"/>
        <source>{name}&apos;s pass expired on {until}: issue a new one.</source>
        <translation>{name} 的通行证已于 {until} 过期：请重新签发。</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../../gatekeeper/ui/widgets/pin_dialog.py" line="252"/>
        <source>Wrong PIN. Tries left: {count}.</source>
        <translation>PIN 错误，还可尝试 {count} 次。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/widgets/pin_dialog.py" line="279"/>
        <source>Too many wrong PINs. Locked until {time}.</source>
        <translation>PIN 错误次数过多，已锁定至 {time}。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/widgets/pin_dialog.py" line="288"/>
        <source>No PIN has been set. Set one on this computer with “gatekeeper kiosk set-pin”.</source>
        <translation>尚未设置 PIN。请在本机运行“gatekeeper kiosk set-pin”设置。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/widgets/pin_dialog.py" line="296"/>
        <source>The PIN file is damaged. Set the PIN again on this computer with “gatekeeper kiosk set-pin”.</source>
        <translation>PIN 文件已损坏。请在本机运行“gatekeeper kiosk set-pin”重新设置。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/widgets/pin_dialog.py" line="315"/>
        <source>Leave kiosk mode</source>
        <translation>退出自助机模式</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/widgets/pin_dialog.py" line="317"/>
        <source>Enter the PIN to leave kiosk mode</source>
        <translation>输入 PIN 以退出自助机模式</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/widgets/pin_dialog.py" line="319"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/widgets/pin_dialog.py" line="107"/>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/widgets/pin_dialog.py" line="108"/>
        <source>⌫ Delete</source>
        <translation>⌫ 删除</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/widgets/pin_dialog.py" line="321"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/signin.py" line="157"/>
        <location filename="../../gatekeeper/ui/widgets/pin_dialog.py" line="322"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>PledgePage</name>
    <message>
        <location filename="../../gatekeeper/ui/steps/pledge.py" line="79"/>
        <source>Undo stroke</source>
        <translation>撤销一笔</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/pledge.py" line="80"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/pledge.py" line="83"/>
        <source>Signed</source>
        <translation>已签名</translation>
    </message>
</context>
<context>
    <name>PolicyPage</name>
    <message>
        <location filename="../../gatekeeper/ui/manager/policy.py" line="46"/>
        <source>Temperature check</source>
        <translation>测温</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/policy.py" line="47"/>
        <source>Risk regions</source>
        <translation>风险地区</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/policy.py" line="48"/>
        <source>Certificate check</source>
        <translation>查验证明</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/policy.py" line="49"/>
        <source>QR scans per channel</source>
        <translation>各通道扫码</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/policy.py" line="50"/>
        <source>Notice</source>
        <translation>告知书</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/policy.py" line="51"/>
        <source>Lanes and zones</source>
        <translation>通道与区域</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/policy.py" line="52"/>
        <source>Quarantine</source>
        <translation>隔离</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/policy.py" line="53"/>
        <source>Validity (returning path)</source>
        <translation>有效期（再次进场）</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/policy.py" line="54"/>
        <source>Site</source>
        <translation>工地</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/policy.py" line="55"/>
        <source>Health codes</source>
        <translation>健康码</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/policy.py" line="56"/>
        <source>Kiosk</source>
        <translation>闸口终端</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/policy.py" line="57"/>
        <source>Pledges</source>
        <translation>承诺书</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/policy.py" line="66"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/policy.py" line="71"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/policy.py" line="94"/>
        <source>From the file named with --policy: {path}</source>
        <translation>来自 --policy 指定的文件：{path}</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/policy.py" line="98"/>
        <source>From the site&apos;s policy file: {path}</source>
        <translation>来自本工地的规定文件：{path}</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/policy.py" line="101"/>
        <source>The built-in defaults (no policy file). A site&apos;s file goes in {path}.</source>
        <translation>内置默认规定（没有规定文件）。工地的规定文件应放在 {path}。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/policy.py" line="200"/>
        <source>Write the default policy to</source>
        <translation>默认规定写入到</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/policy.py" line="202"/>
        <source>Check a policy file</source>
        <translation>检查规定文件</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/policy.py" line="244"/>
        <source>{path} cannot be used: {problem}</source>
        <translation>{path} 无法使用：{problem}</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/policy.py" line="251"/>
        <source>{path} is a valid policy (fever at {threshold} °C or above). It is not in force yet: restart GateKeeper with the file to apply it.</source>
        <translation>{path} 是有效的规定（{threshold} °C 及以上为发热）。它尚未生效：请用该文件重新启动 GateKeeper 以应用。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/policy.py" line="269"/>
        <source>Could not write {path} ({error}): choose another folder.</source>
        <translation>无法写入 {path}（{error}）：请选择其他文件夹。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/policy.py" line="275"/>
        <source>Wrote the default policy to {path}. Edit it, check it here, then restart GateKeeper with it.</source>
        <translation>已将默认规定写入 {path}。请编辑后在此检查，再用它重新启动 GateKeeper。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/policy.py" line="286"/>
        <source>Policy in force</source>
        <translation>现行防疫规定</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/policy.py" line="290"/>
        <source>Setting</source>
        <translation>设置项</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/policy.py" line="291"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/policy.py" line="294"/>
        <source>Check a policy file…</source>
        <translation>检查规定文件…</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/policy.py" line="296"/>
        <source>Write the default policy…</source>
        <translation>写出默认规定…</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/policy.py" line="299"/>
        <source>Checking a file does not change the running policy: restart GateKeeper with the file to apply it.</source>
        <translation>检查文件不会改变正在执行的规定：请用该文件重新启动 GateKeeper 以应用。</translation>
    </message>
</context>
<context>
    <name>QrScanPage</name>
    <message>
        <location filename="../../gatekeeper/ui/steps/qr_scan.py" line="132"/>
        <source>waiting</source>
        <translation>待扫码</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/qr_scan.py" line="141"/>
        <source>Now: {scan}. Scan the code, or press the colour you see.</source>
        <translation>当前：{scan}。请扫码，或按下您看到的颜色。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/qr_scan.py" line="146"/>
        <source>Read: {text}</source>
        <translation>读取结果：{text}</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/qr_scan.py" line="148"/>
        <source>No camera connected.
Use the hand scanner, or type the code.</source>
        <translation>未连接摄像头。
请使用扫码枪，或手动输入码的内容。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/qr_scan.py" line="150"/>
        <source>Code text (typed; a hand scanner enters it by itself)</source>
        <translation>码的内容（手动输入；扫码枪会自动录入）</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/qr_scan.py" line="154"/>
        <source>Unreadable</source>
        <translation>无法识别</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/qr_scan.py" line="159"/>
        <source>Manager checked: OK</source>
        <translation>负责人核验：正常</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/qr_scan.py" line="163"/>
        <source>Check the code</source>
        <translation>核验此码</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/qr_scan.py" line="164"/>
        <source>Green code / OK</source>
        <translation>绿码 / 正常</translation>
    </message>
</context>
<context>
    <name>QuarantinePage</name>
    <message>
        <location filename="../../gatekeeper/ui/manager/quarantine.py" line="49"/>
        <source>Released from quarantine</source>
        <translation>解除隔离</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/quarantine.py" line="51"/>
        <source>Referred to hospital</source>
        <translation>转送医院</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/quarantine.py" line="53"/>
        <source>Sent home</source>
        <translation>劝返回家</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/quarantine.py" line="227"/>
        <source>Choose the decision: released, referred to hospital or sent home.</source>
        <translation>请选择处理决定：解除隔离、转送医院或劝返回家。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/quarantine.py" line="241"/>
        <source>{name}: {decision}. Recorded in the ledger.</source>
        <translation>{name}：{decision}，已记入台账。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/quarantine.py" line="255"/>
        <source>{date} overdue</source>
        <translation>{date} 已逾期</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/quarantine.py" line="257"/>
        <source>Day {n}</source>
        <translation>第 {n} 天</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/quarantine.py" line="265"/>
        <source>Touch a person on the left to see their checks (read-only).</source>
        <translation>点选左侧人员查看其检查记录（只读）。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/quarantine.py" line="274"/>
        <source>Place: {place} · started {start} · day {n} · due {due}</source>
        <translation>隔离地点：{place} · {start} 开始 · 第 {n} 天 · {due} 到期</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/quarantine.py" line="279"/>
        <source>overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/quarantine.py" line="292"/>
        <source>Checks, twice a day ({n} so far)</source>
        <translation>每日两次健康检查（已查 {n} 次）</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/quarantine.py" line="298"/>
        <source>In quarantine</source>
        <translation>隔离人员</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/quarantine.py" line="300"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/quarantine.py" line="301"/>
        <source>Day</source>
        <translation>天数</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/quarantine.py" line="302"/>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/quarantine.py" line="305"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/quarantine.py" line="306"/>
        <source>Temperature</source>
        <translation>体温</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/quarantine.py" line="307"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/quarantine.py" line="309"/>
        <source>Nobody is in quarantine.</source>
        <translation>当前无人隔离。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/quarantine.py" line="263"/>
        <source>Touch a person on the left to see their checks and decide.</source>
        <translation>请点选左侧人员，查看健康检查记录并作出决定。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/quarantine.py" line="311"/>
        <source>°C</source>
        <translation>体温 °C</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/quarantine.py" line="313"/>
        <source>Note (symptoms, test result)</source>
        <translation>备注（症状、检测结果）</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/quarantine.py" line="315"/>
        <source>Add check</source>
        <translation>记录检查</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/quarantine.py" line="316"/>
        <source>Release decision (site manager)</source>
        <translation>解除隔离决定（项目负责人）</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/quarantine.py" line="320"/>
        <source>Reason (required)</source>
        <translation>原因（必填）</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/quarantine.py" line="322"/>
        <source>Record decision</source>
        <translation>记录决定</translation>
    </message>
</context>
<context>
    <name>QuarantineRegistrationPage</name>
    <message>
        <location filename="../../gatekeeper/ui/steps/registration.py" line="194"/>
        <source>Quarantine: register the person before they go</source>
        <translation>隔离：请先登记该人员信息</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/registration.py" line="198"/>
        <source>Register and finish</source>
        <translation>登记并完成</translation>
    </message>
</context>
<context>
    <name>Question</name>
    <message>
        <location filename="../../gatekeeper/ui/dialogs.py" line="62"/>
        <source>Please confirm</source>
        <translation>请确认</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/dialogs.py" line="72"/>
        <source>Abandon this person&apos;s screening? It is recorded as abandoned.</source>
        <translation>中止该人员的检查？将记录为中止。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/dialogs.py" line="74"/>
        <source>Abandon</source>
        <translation>中止</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/dialogs.py" line="75"/>
        <source>Continue screening</source>
        <translation>继续检查</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/dialogs.py" line="82"/>
        <source>A screening is under way. Close anyway? It is saved and offered again at the next start.</source>
        <translation>检查正在进行。仍要关闭吗？进度已保存，下次启动时可继续。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/dialogs.py" line="85"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/dialogs.py" line="86"/>
        <source>Keep working</source>
        <translation>继续工作</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/dialogs.py" line="94"/>
        <source>A screening was not finished when the kiosk stopped:
{what}</source>
        <translation>终端停止时有一项检查尚未完成：
{what}</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/dialogs.py" line="97"/>
        <source>Resume</source>
        <translation>继续办理</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/dialogs.py" line="98"/>
        <source>Record as abandoned</source>
        <translation>记为中止</translation>
    </message>
</context>
<context>
    <name>RegistrationPage</name>
    <message>
        <location filename="../../gatekeeper/ui/steps/registration.py" line="114"/>
        <source>Use the registered name: {name}</source>
        <translation>使用登记的姓名：{name}</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/registration.py" line="117"/>
        <source>The typed name is right: {name}</source>
        <translation>输入的姓名正确：{name}</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/registration.py" line="156"/>
        <source>Scan or type: a registered person is filled in</source>
        <translation>扫描或输入：已登记人员自动填写</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/registration.py" line="158"/>
        <source>e.g. 138 0013 8000</source>
        <translation>例如 138 0013 8000</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/registration.py" line="159"/>
        <source>Province, city (e.g. 河南省周口市)</source>
        <translation>省、市（例如 河南省周口市）</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/registration.py" line="161"/>
        <source>Place and last day, e.g. 郑州 2020-02-20; separate with ;</source>
        <translation>地点和最后停留日期，例如 郑州 2020-02-20；多个用分号隔开</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/registration.py" line="170"/>
        <source>Register</source>
        <translation>登记</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../gatekeeper/ui/manager/review.py" line="199"/>
        <location filename="../../gatekeeper/ui/manager/review.py" line="341"/>
        <source>Screenings found: {count}</source>
        <translation>查到检查记录：{count} 条</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/review.py" line="224"/>
        <source>Closed-loop timeline: choose a screening to see its person</source>
        <translation>闭环管理时间线：选择一条检查记录以查看该人员</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/review.py" line="229"/>
        <source>Closed-loop timeline: {count} events</source>
        <translation>闭环管理时间线：共 {count} 项</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/review.py" line="246"/>
        <source>Checking every record of the ledger…</source>
        <translation>正在核验台账的每一条记录…</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/review.py" line="263"/>
        <source>The check could not run: {problem}</source>
        <translation>无法核验：{problem}</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/review.py" line="273"/>
        <source>Intact: {count} records, head {head}</source>
        <translation>完好：共 {count} 条记录，链头 {head}</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/review.py" line="283"/>
        <source>Altered: record {seq}: {what}</source>
        <translation>已被篡改：第 {seq} 条记录：{what}</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/review.py" line="296"/>
        <source>Search the screenings (read-only)</source>
        <translation>查询检查记录（只读）</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/review.py" line="299"/>
        <source>Person (name or ID number)</source>
        <translation>人员（姓名或身份证号）</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/review.py" line="300"/>
        <source>From</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/review.py" line="301"/>
        <source>To</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/review.py" line="302"/>
        <location filename="../../gatekeeper/ui/manager/review.py" line="326"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/review.py" line="303"/>
        <location filename="../../gatekeeper/ui/manager/review.py" line="323"/>
        <source>Channel</source>
        <translation>通道</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/review.py" line="308"/>
        <source>e.g. 张 or 410102…</source>
        <translation>例如 张 或 410102…</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/review.py" line="310"/>
        <source>Any outcome</source>
        <translation>全部结果</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/review.py" line="315"/>
        <source>Any channel</source>
        <translation>全部通道</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/review.py" line="320"/>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/review.py" line="322"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/review.py" line="324"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/review.py" line="325"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/review.py" line="327"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/review.py" line="331"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/review.py" line="332"/>
        <source>What happened</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/review.py" line="335"/>
        <source>Check the ledger</source>
        <translation>核验台账</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/review.py" line="336"/>
        <source>Inspection report…</source>
        <translation>督导检查报告…</translation>
    </message>
</context>
<context>
    <name>RoundsPage</name>
    <message>
        <location filename="../../gatekeeper/ui/manager/rounds.py" line="249"/>
        <source>Scan a site pass, or type a name or ID number.</source>
        <translation>请扫工地通行码，或输入姓名或身份证号。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/rounds.py" line="255"/>
        <source>Nobody on site matches “{text}”.</source>
        <translation>在场人员中没有与“{text}”相符的人。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/rounds.py" line="270"/>
        <source>{n} people match: touch the right one in the list.</source>
        <translation>有 {n} 人相符：请在名单中点选。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/rounds.py" line="294"/>
        <source>Pick a person first: scan their pass, search, or touch their row.</source>
        <translation>请先选定人员：扫通行码、搜索，或点选名单中的一行。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/rounds.py" line="318"/>
        <source>Fever: {name}, {reading} °C — sent to quarantine. Take them to the isolation room.</source>
        <translation>发热：{name}，{reading} °C，已转入隔离。请带至隔离间。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/rounds.py" line="323"/>
        <source>Recorded: {name}, {reading} °C.</source>
        <translation>已记录：{name}，{reading} °C。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/rounds.py" line="365"/>
        <source>Not measured yet</source>
        <translation>尚未测温</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/rounds.py" line="368"/>
        <source>Fever: quarantined</source>
        <translation>发热，已隔离</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/rounds.py" line="369"/>
        <source>Measured</source>
        <translation>已测温</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/rounds.py" line="377"/>
        <source>{round}: {done} of {total} on site measured, {missing} still missing.</source>
        <translation>{round}：在场 {total} 人，已测 {done} 人，尚缺 {missing} 人。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/rounds.py" line="381"/>
        <source>Nobody picked yet.</source>
        <translation>尚未选定人员。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/rounds.py" line="384"/>
        <source>Measuring: {name} · {zone}</source>
        <translation>正在测温：{name} · {zone}</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/rounds.py" line="390"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/rounds.py" line="392"/>
        <source>Not yet</source>
        <translation>未消毒</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/rounds.py" line="397"/>
        <source>✓ {time}
{by}</source>
        <translation>✓ {time}
{by}</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/rounds.py" line="412"/>
        <source>Everyone</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/rounds.py" line="413"/>
        <source>Still missing</source>
        <translation>尚未测温</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/rounds.py" line="415"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/rounds.py" line="416"/>
        <source>Zone</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/rounds.py" line="417"/>
        <source>Reading</source>
        <translation>读数</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/rounds.py" line="418"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/rounds.py" line="420"/>
        <source>Temperature round: scan a pass or search</source>
        <translation>巡查测温：扫通行码或搜索</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/rounds.py" line="422"/>
        <source>Read-only: a search narrows the roster. Only a site manager records readings and disinfection.</source>
        <translation>只读：搜索可筛选名单。体温和消毒只能由项目负责人记录。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/rounds.py" line="425"/>
        <source>Name or ID number</source>
        <translation>姓名或身份证号</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/rounds.py" line="427"/>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/rounds.py" line="428"/>
        <source>Reading °C, e.g. 36.5</source>
        <translation>体温读数 °C，如 36.5</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/rounds.py" line="430"/>
        <source>Record reading</source>
        <translation>记录读数</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/rounds.py" line="431"/>
        <source>Twice-daily disinfection: today&apos;s log</source>
        <translation>每日两次消毒：今日记录</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/rounds.py" line="440"/>
        <source>Evening</source>
        <translation>晚间</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/rounds.py" line="441"/>
        <source>Morning</source>
        <translation>早间</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../gatekeeper/ui/manager/signin.py" line="156"/>
        <location filename="../../gatekeeper/ui/manager/signin.py" line="201"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/signin.py" line="180"/>
        <source>Enter your username first.</source>
        <translation>请先输入用户名。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/signin.py" line="185"/>
        <source>Enter your PIN.</source>
        <translation>请输入 PIN。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/signin.py" line="202"/>
        <source>Site managers and inspectors: sign in with your username and PIN</source>
        <translation>项目负责人和督导检查人员：请用用户名和 PIN 登录</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/signin.py" line="204"/>
        <location filename="../../gatekeeper/ui/manager/signin.py" line="266"/>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/signin.py" line="205"/>
        <location filename="../../gatekeeper/ui/manager/signin.py" line="268"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/signin.py" line="217"/>
        <source>Manager&apos;s check</source>
        <translation>项目负责人核验</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/signin.py" line="218"/>
        <source>A site manager decides this code: sign in with your username and PIN</source>
        <translation>此码由项目负责人核验决定：请用您的用户名和 PIN 登录</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/signin.py" line="221"/>
        <source>Sign in and decide</source>
        <translation>登录并核验</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/signin.py" line="245"/>
        <source>The two PINs differ: enter the same PIN twice.</source>
        <translation>两次输入的 PIN 不一致：请输入两次相同的 PIN。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/signin.py" line="261"/>
        <source>Create and sign in</source>
        <translation>创建并登录</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/signin.py" line="262"/>
        <source>First start</source>
        <translation>首次启动</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/signin.py" line="263"/>
        <source>No site manager account yet: create the first one. The site manager then creates the accounts of gate staff and inspectors.</source>
        <translation>尚无项目负责人账户：请创建第一个。之后由项目负责人为门岗人员和督导检查人员创建账户。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/signin.py" line="267"/>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/manager/signin.py" line="269"/>
        <source>PIN again</source>
        <translation>再次输入 PIN</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location filename="../../gatekeeper/ui/widgets/signature_pad.py" line="190"/>
        <source>Sign here</source>
        <translation>请在此签名</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/widgets/signature_pad.py" line="193"/>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/widgets/signature_pad.py" line="195"/>
        <source>Sign with your finger or the pen above the line</source>
        <translation>请用手指或手写笔在横线上方签名</translation>
    </message>
</context>
<context>
    <name>StartScreen</name>
    <message>
        <location filename="../../gatekeeper/ui/main_window.py" line="659"/>
        <location filename="../../gatekeeper/ui/start_screen.py" line="230"/>
        <source>GateKeeper</source>
        <translation>门岗通</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/start_screen.py" line="232"/>
        <source>Health screening at the gate · closed-loop management</source>
        <translation>进场防疫检查 · 闭环管理</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/start_screen.py" line="237"/>
        <source>First time through the gate? Choose your lane:</source>
        <translation>首次进场？请选择通道：</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/start_screen.py" line="244"/>
        <source>Returning worker? Scan your site pass</source>
        <translation>返场工人？请扫工地通行码</translation>
    </message>
</context>
<context>
    <name>TemperaturePage</name>
    <message>
        <location filename="../../gatekeeper/ui/steps/temperature.py" line="79"/>
        <source>{field} (°C)</source>
        <translation>{field}（°C）</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/temperature.py" line="83"/>
        <source>e.g. 36.5</source>
        <translation>例如 36.5</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/temperature.py" line="100"/>
        <source>Rest: {time} left</source>
        <translation>休息中：还剩 {time}</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/temperature.py" line="106"/>
        <source>Rest is over: measure again.</source>
        <translation>休息结束：请复测。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/temperature.py" line="113"/>
        <source>Record reading</source>
        <translation>记录体温</translation>
    </message>
</context>
<context>
    <name>VehicleNextPage</name>
    <message>
        <location filename="../../gatekeeper/ui/steps/vehicle_plate.py" line="102"/>
        <source>Goods vehicle {plate}</source>
        <translation>货车 {plate}</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/vehicle_plate.py" line="121"/>
        <source>all checks passed</source>
        <translation>各项检查通过</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/vehicle_plate.py" line="129"/>
        <source>Add passenger</source>
        <translation>添加乘车人</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/vehicle_plate.py" line="132"/>
        <source>Done: decide the vehicle</source>
        <translation>完成：车辆放行判定</translation>
    </message>
</context>
<context>
    <name>VehiclePlatePage</name>
    <message>
        <location filename="../../gatekeeper/ui/steps/vehicle_plate.py" line="54"/>
        <source>e.g. 豫A12345</source>
        <translation>例如 豫A12345</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/vehicle_plate.py" line="55"/>
        <source>Type the plate. Then the driver is screened, then each passenger.</source>
        <translation>请输入车牌号。随后先检查司机，再逐一检查乘车人。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/vehicle_plate.py" line="60"/>
        <source>Screen the driver</source>
        <translation>检查司机</translation>
    </message>
</context>
</TS>
