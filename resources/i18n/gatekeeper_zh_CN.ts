<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
</TS>
