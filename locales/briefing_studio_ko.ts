<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ko_KR">
<context>
    <name>ItemType</name>
    <message>
        <source>joint statement</source>
        <translation>공동 입장</translation>
    </message>
    <message>
        <source>condemnation</source>
        <translation>규탄</translation>
    </message>
    <message>
        <source>shared concern</source>
        <translation>공동 우려</translation>
    </message>
    <message>
        <source>topic</source>
        <translation>논의 주제</translation>
    </message>
    <message>
        <source>statement</source>
        <translation>입장 표명</translation>
    </message>
    <message>
        <source>agreement</source>
        <translation>합의</translation>
    </message>
    <message>
        <source>decision</source>
        <translation>결정</translation>
    </message>
    <message>
        <source>action</source>
        <translation>조치</translation>
    </message>
    <message>
        <source>schedule</source>
        <translation>일정</translation>
    </message>
    <message>
        <source>note</source>
        <translation>참고</translation>
    </message>
    <message>
        <source>paragraph</source>
        <translation>문단</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Korean (한국어)</source>
        <translation>한국어</translation>
    </message>
    <message>
        <source>English</source>
        <translation>영어</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>의견</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>열기(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>Open briefing</source>
        <translation>브리핑 열기</translation>
    </message>
    <message>
        <source>Briefings (*.briefing);;All files (*)</source>
        <translation>브리핑 (*.briefing);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Cannot open briefing</source>
        <translation>브리핑을 열 수 없음</translation>
    </message>
    <message>
        <source>The file could not be opened. Nothing was changed.</source>
        <translation>파일을 열 수 없습니다. 아무것도 변경되지 않았습니다.</translation>
    </message>
    <message>
        <source>%1 items · %2 approved · %3 need review · %4 open comments</source>
        <translation>항목 %1개 · 승인 %2 · 검토 필요 %3 · 미해결 의견 %4</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>제목 없음</translation>
    </message>
    <message>
        <source>Select an item in the outline.</source>
        <translation>개요에서 항목을 선택하십시오.</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>한국어</translation>
    </message>
    <message>
        <source>source: %1</source>
        <translation>원문: %1</translation>
    </message>
</context>
<context>
    <name>OutlineModel</name>
    <message>
        <source>Outline</source>
        <translation>개요</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>유형</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>비어 있음</translation>
    </message>
    <message>
        <source>machine-translated</source>
        <translation>기계 번역</translation>
    </message>
    <message>
        <source>memory-filled</source>
        <translation>메모리 채움</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>편집됨</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>승인됨</translation>
    </message>
    <message>
        <source>needs review</source>
        <translation>검토 필요</translation>
    </message>
</context>
</TS>