<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CertificatePage</name>
    <message>
        <location filename="../../gatekeeper/ui/steps/certificate.py" line="96"/>
        <source>No document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/certificate.py" line="99"/>
        <source>Valid until (leave empty if none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/certificate.py" line="102"/>
        <source>e.g. 2020-12-31</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/certificate.py" line="107"/>
        <source>No document: turn away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/certificate.py" line="108"/>
        <source>Certificate checked</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Channel</name>
    <message>
        <location filename="../../gatekeeper/ui/start_screen.py" line="32"/>
        <source>Worker</source>
        <translation>工人</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/start_screen.py" line="33"/>
        <source>Visitor</source>
        <translation>访客</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/start_screen.py" line="34"/>
        <source>Goods vehicle</source>
        <translation>货车</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/start_screen.py" line="41"/>
        <source>Workers entering for the first time</source>
        <translation>首次进场的工人</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/start_screen.py" line="44"/>
        <source>Visitors, suppliers, inspectors</source>
        <translation>访客、供货人员、督导检查人员</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/start_screen.py" line="45"/>
        <source>Driver and passengers, east lane</source>
        <translation>司机及随车人员，东侧通道</translation>
    </message>
</context>
<context>
    <name>DisinfectionPage</name>
    <message>
        <location filename="../../gatekeeper/ui/steps/disinfection.py" line="49"/>
        <source>Disinfect hands, clothes and luggage, then confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/disinfection.py" line="51"/>
        <source>The vehicle was disinfected too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/disinfection.py" line="55"/>
        <source>Disinfection done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FiguresStrip</name>
    <message>
        <location filename="../../gatekeeper/ui/start_screen.py" line="149"/>
        <source>Admitted</source>
        <translation>放行</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/start_screen.py" line="150"/>
        <source>Turned away</source>
        <translation>劝返</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/start_screen.py" line="151"/>
        <source>Quarantined</source>
        <translation>隔离</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/start_screen.py" line="152"/>
        <source>In quarantine now</source>
        <translation>正在隔离</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/start_screen.py" line="160"/>
        <source>Today, {date}</source>
        <translation>今日（{date}）</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/start_screen.py" line="164"/>
        <source>Today</source>
        <translation>今日</translation>
    </message>
</context>
<context>
    <name>KioskPage</name>
    <message>
        <location filename="../../gatekeeper/ui/steps/base.py" line="220"/>
        <source>Back to start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/base.py" line="221"/>
        <source>Abandon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/base.py" line="241"/>
        <location filename="../../gatekeeper/ui/steps/vehicle_plate.py" line="113"/>
        <source>Driver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/base.py" line="243"/>
        <location filename="../../gatekeeper/ui/steps/vehicle_plate.py" line="114"/>
        <source>Passenger {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/base.py" line="247"/>
        <source>Confirm</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gatekeeper/ui/main_window.py" line="146"/>
        <source>Worksite entry checkpoint</source>
        <translation>工地出入口卡口</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/main_window.py" line="151"/>
        <source>Switch the screen&apos;s language</source>
        <translation>切换界面语言</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/main_window.py" line="175"/>
        <source>{channel}: the screening steps arrive in the next release.</source>
        <translation>{channel}通道：进场检查环节将在下一版本提供。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/main_window.py" line="182"/>
        <source>Pass scanning (the returning path) arrives in the next release.</source>
        <translation>返场扫码（工地通行码）将在下一版本提供。</translation>
    </message>
</context>
<context>
    <name>NoticeBanner</name>
    <message>
        <location filename="../../gatekeeper/ui/notice.py" line="70"/>
        <source>OK</source>
        <translation>知道了</translation>
    </message>
</context>
<context>
    <name>NoticePage</name>
    <message>
        <location filename="../../gatekeeper/ui/steps/notice.py" line="62"/>
        <source>Print notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/notice.py" line="66"/>
        <source>Notice handed over</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutcomePage</name>
    <message>
        <location filename="../../gatekeeper/ui/steps/outcome.py" line="82"/>
        <source>Press any key or touch the screen for the next person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/outcome.py" line="91"/>
        <source>Call {phone}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassScanPage</name>
    <message>
        <location filename="../../gatekeeper/ui/steps/pass_scan.py" line="44"/>
        <source>Scan the worker&apos;s site pass, or type their ID number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/pass_scan.py" line="46"/>
        <source>Site pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/pass_scan.py" line="49"/>
        <source>Check pass</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message numerus="yes">
        <location filename="../../gatekeeper/ui/widgets/pin_dialog.py" line="186"/>
        <source>Wrong PIN. Tries left: %n.</source>
        <translation>
            <numerusform>PIN 错误，还可尝试 %n 次。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/widgets/pin_dialog.py" line="222"/>
        <source>Too many wrong PINs. Locked until {time}.</source>
        <translation>PIN 错误次数过多，已锁定至 {time}。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/widgets/pin_dialog.py" line="231"/>
        <source>No PIN has been set. Set one on this computer with “gatekeeper kiosk set-pin”.</source>
        <translation>尚未设置 PIN。请在本机运行“gatekeeper kiosk set-pin”设置。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/widgets/pin_dialog.py" line="239"/>
        <source>The PIN file is damaged. Set the PIN again on this computer with “gatekeeper kiosk set-pin”.</source>
        <translation>PIN 文件已损坏。请在本机运行“gatekeeper kiosk set-pin”重新设置。</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/widgets/pin_dialog.py" line="259"/>
        <source>Leave kiosk mode</source>
        <translation>退出自助机模式</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/widgets/pin_dialog.py" line="261"/>
        <source>Enter the PIN to leave kiosk mode</source>
        <translation>输入 PIN 以退出自助机模式</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/widgets/pin_dialog.py" line="263"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/widgets/pin_dialog.py" line="264"/>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/widgets/pin_dialog.py" line="265"/>
        <source>⌫ Delete</source>
        <translation>⌫ 删除</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/widgets/pin_dialog.py" line="266"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/widgets/pin_dialog.py" line="267"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>PledgePage</name>
    <message>
        <location filename="../../gatekeeper/ui/steps/pledge.py" line="79"/>
        <source>Undo stroke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/pledge.py" line="80"/>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/pledge.py" line="83"/>
        <source>Signed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QrScanPage</name>
    <message>
        <location filename="../../gatekeeper/ui/steps/qr_scan.py" line="130"/>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/qr_scan.py" line="139"/>
        <source>Now: {scan}. Read the code, then press the colour you see.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/qr_scan.py" line="142"/>
        <source>Camera view
(shown here when a camera is connected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/qr_scan.py" line="144"/>
        <source>Scanned text (USB scanner or typed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/qr_scan.py" line="149"/>
        <source>Manager checked: OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/qr_scan.py" line="152"/>
        <source>Green code / OK</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuarantineRegistrationPage</name>
    <message>
        <location filename="../../gatekeeper/ui/steps/registration.py" line="146"/>
        <source>Quarantine: register the person before they go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/registration.py" line="150"/>
        <source>Register and finish</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Question</name>
    <message>
        <location filename="../../gatekeeper/ui/dialogs.py" line="62"/>
        <source>Please confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/dialogs.py" line="76"/>
        <source>Abandon this person&apos;s screening? It is recorded as abandoned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/dialogs.py" line="78"/>
        <source>Abandon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/dialogs.py" line="79"/>
        <source>Continue screening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/dialogs.py" line="86"/>
        <source>A screening is under way. Close anyway? It is saved and offered again at the next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/dialogs.py" line="89"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/dialogs.py" line="90"/>
        <source>Keep working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/dialogs.py" line="98"/>
        <source>A screening was not finished when the kiosk stopped:
{what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/dialogs.py" line="101"/>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/dialogs.py" line="102"/>
        <source>Record as abandoned</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegistrationPage</name>
    <message>
        <location filename="../../gatekeeper/ui/steps/registration.py" line="110"/>
        <source>Scan or type: a registered person is filled in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/registration.py" line="112"/>
        <source>e.g. 138 0013 8000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/registration.py" line="113"/>
        <source>Province, city (e.g. 河南省周口市)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/registration.py" line="115"/>
        <source>Place and last day, e.g. 郑州 2020-02-20; separate with ;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/registration.py" line="122"/>
        <source>Register</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location filename="../../gatekeeper/ui/widgets/signature_pad.py" line="189"/>
        <source>Sign here</source>
        <translation>请在此签名</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/widgets/signature_pad.py" line="192"/>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/widgets/signature_pad.py" line="194"/>
        <source>Sign with your finger or the pen above the line</source>
        <translation>请用手指或手写笔在横线上方签名</translation>
    </message>
</context>
<context>
    <name>StartScreen</name>
    <message>
        <location filename="../../gatekeeper/ui/start_screen.py" line="233"/>
        <source>GateKeeper</source>
        <translation>门岗通</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/start_screen.py" line="235"/>
        <source>Health screening at the gate · closed-loop management</source>
        <translation>进场防疫检查 · 闭环管理</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/start_screen.py" line="240"/>
        <source>First time through the gate? Choose your lane:</source>
        <translation>首次进场？请选择通道：</translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/start_screen.py" line="247"/>
        <source>Returning worker? Scan your site pass</source>
        <translation>返场工人？请扫工地通行码</translation>
    </message>
</context>
<context>
    <name>TemperaturePage</name>
    <message>
        <location filename="../../gatekeeper/ui/steps/temperature.py" line="63"/>
        <source>{field} (°C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/temperature.py" line="67"/>
        <source>e.g. 36.5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/temperature.py" line="80"/>
        <source>Rest: {time} left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/temperature.py" line="86"/>
        <source>Rest is over: measure again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/temperature.py" line="93"/>
        <source>Record reading</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VehicleNextPage</name>
    <message>
        <location filename="../../gatekeeper/ui/steps/vehicle_plate.py" line="101"/>
        <source>Goods vehicle {plate}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/vehicle_plate.py" line="123"/>
        <source>Add passenger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/vehicle_plate.py" line="126"/>
        <source>Done: decide the vehicle</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VehiclePlatePage</name>
    <message>
        <location filename="../../gatekeeper/ui/steps/vehicle_plate.py" line="53"/>
        <source>e.g. 豫A12345</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/vehicle_plate.py" line="54"/>
        <source>Type the plate. Then the driver is screened, then each passenger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gatekeeper/ui/steps/vehicle_plate.py" line="59"/>
        <source>Screen the driver</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
