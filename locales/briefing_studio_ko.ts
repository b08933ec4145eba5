<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;New</source>
        <translation>새로 만들기(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>열기(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>가져오기(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>저장(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>다른 이름으로 저장(&amp;A)…</translation>
    </message>
    <message>
        <source>Recover &amp;unsaved work…</source>
        <translation>저장하지 않은 작업 복구(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>내보내기(&amp;E)…</translation>
    </message>
    <message>
        <source>Language &amp;packages…</source>
        <translation>언어 패키지(&amp;P)…</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>설정(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;XLIFF 2.0…</source>
        <translation>&amp;XLIFF 2.0…</translation>
    </message>
    <message>
        <source>Review &amp;DOCX…</source>
        <translation>검토용 DOCX(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Import review…</source>
        <translation>검토 결과 가져오기(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Compare with…</source>
        <translation>다른 버전과 비교(&amp;C)…</translation>
    </message>
    <message>
        <source>Compare with &amp;backup</source>
        <translation>백업본과 비교(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>찾기(&amp;F)…</translation>
    </message>
    <message>
        <source>Find &amp;next</source>
        <translation>다음 찾기(&amp;N)</translation>
    </message>
    <message>
        <source>Add &amp;item</source>
        <translation>항목 추가(&amp;I)</translation>
    </message>
    <message>
        <source>Add &amp;section</source>
        <translation>절 추가(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Paste as items</source>
        <translation>항목으로 붙여넣기(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>삭제(&amp;D)</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>위로 이동(&amp;U)</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>아래로 이동(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Approve translation</source>
        <translation>번역 승인(&amp;A)</translation>
    </message>
    <message>
        <source>Mark for &amp;review</source>
        <translation>검토 요청(&amp;R)</translation>
    </message>
    <message>
        <source>Next item needing &amp;attention</source>
        <translation>다음 확인 필요 항목(&amp;A)</translation>
    </message>
    <message>
        <source>Previous item needing a&amp;ttention</source>
        <translation>이전 확인 필요 항목(&amp;T)</translation>
    </message>
    <message>
        <source>Translate this &amp;item</source>
        <translation>이 항목 번역(&amp;I)</translation>
    </message>
    <message>
        <source>Translate all &amp;missing</source>
        <translation>미번역 전체 번역(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Retranslate selection</source>
        <translation>선택 항목 다시 번역(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Import translation memory (TMX)…</source>
        <translation>번역 메모리 가져오기(TMX)(&amp;I)…</translation>
    </message>
    <message>
        <source>E&amp;xport translation memory (TMX)…</source>
        <translation>번역 메모리 내보내기(TMX)(&amp;X)…</translation>
    </message>
    <message>
        <source>Use memory match</source>
        <translation>번역 메모리 결과 사용</translation>
    </message>
    <message>
        <source>&amp;Add term…</source>
        <translation>용어 추가(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Terminology…</source>
        <translation>용어 관리(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Review grid</source>
        <translation>검토 표(&amp;R)</translation>
    </message>
    <message>
        <source>Show the &amp;preview</source>
        <translation>미리 보기 표시(&amp;P)</translation>
    </message>
    <message>
        <source>Go to the &amp;outline</source>
        <translation>개요로 이동(&amp;O)</translation>
    </message>
    <message>
        <source>Go to the &amp;editor</source>
        <translation>편집기로 이동(&amp;E)</translation>
    </message>
    <message>
        <source>Edit the &amp;meeting card</source>
        <translation>회의 정보 편집(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;About Briefing Studio</source>
        <translation>Briefing Studio 정보(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Translate</source>
        <translation>번역(&amp;T)</translation>
    </message>
    <message>
        <source>T&amp;ools</source>
        <translation>도구(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>Interface &amp;language</source>
        <translation>화면 언어(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>최근 파일(&amp;R)</translation>
    </message>
    <message>
        <source>Export for re&amp;view</source>
        <translation>검토용으로 내보내기(&amp;V)</translation>
    </message>
</context>
<context>
    <name>Asking</name>
    <message>
        <source>Approve a changed source?</source>
        <translation>바뀐 원문을 승인하시겠습니까?</translation>
    </message>
    <message>
        <source>Approve anyway</source>
        <translation>그래도 승인</translation>
    </message>
    <message>
        <source>Replace people&apos;s translations?</source>
        <translation>사람이 작업한 번역문을 대체하시겠습니까?</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>대체</translation>
    </message>
    <message>
        <source>Skip those</source>
        <translation>해당 항목 건너뛰기</translation>
    </message>
    <message>
        <source>“%1” holds %n item(s), %2 of them approved.</source>
        <translation>“%1” 절에 항목 %n개가 있으며, 그중 %2개는 승인되었습니다.</translation>
    </message>
    <message>
        <source>Delete the section?</source>
        <translation>절을 삭제하시겠습니까?</translation>
    </message>
    <message>
        <source>Delete the section</source>
        <translation>절 삭제</translation>
    </message>
    <message>
        <source>New briefing</source>
        <translation>새 브리핑</translation>
    </message>
    <message>
        <source>Which language will you draft the new briefing in?</source>
        <translation>새 브리핑을 어느 언어로 작성하시겠습니까?</translation>
    </message>
    <message>
        <source>Korean (translate into English)</source>
        <translation>한국어 (영어로 번역)</translation>
    </message>
    <message>
        <source>English (translate into Korean)</source>
        <translation>영어 (한국어로 번역)</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Comments and approvals are signed with your name. It is kept in Settings (Author).</source>
        <translation>의견과 승인에는 이름이 기록됩니다. 이름은 설정(작성자)에 저장됩니다.</translation>
    </message>
</context>
<context>
    <name>BackupWarning</name>
    <message>
        <source>Unsaved work is not backed up</source>
        <translation>저장하지 않은 작업이 백업되지 않고 있음</translation>
    </message>
</context>
<context>
    <name>CardEditor</name>
    <message>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>Meeting (series)</source>
        <translation>회의(정례)</translation>
    </message>
    <message>
        <source>Time-zone note</source>
        <translation>시간 기준</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>장소</translation>
    </message>
    <message>
        <source>Marking</source>
        <translation>표시(보안)</translation>
    </message>
    <message>
        <source>Series code</source>
        <translation>약칭</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>차수</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>시작일</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>종료일</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>작성자</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>한국어</translation>
    </message>
    <message>
        <source>English</source>
        <translation>영어</translation>
    </message>
    <message>
        <source>Delegations and people</source>
        <translation>대표단 및 참석자</translation>
    </message>
    <message>
        <source>Add person</source>
        <translation>참석자 추가</translation>
    </message>
    <message>
        <source>Remove person</source>
        <translation>참석자 삭제</translation>
    </message>
    <message>
        <source>Delegation</source>
        <translation>대표단</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>역할</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>성명</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>직함</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>계급</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>소속</translation>
    </message>
    <message>
        <source>Add delegation</source>
        <translation>대표단 추가</translation>
    </message>
    <message>
        <source>Remove delegation</source>
        <translation>대표단 삭제</translation>
    </message>
    <message>
        <source>co-chair</source>
        <translation>수석대표</translation>
    </message>
    <message>
        <source>participant</source>
        <translation>참석자</translation>
    </message>
    <message>
        <source>A date like 2024-11-07</source>
        <translation>2024-11-07 형식의 날짜</translation>
    </message>
    <message>
        <source>Document parts (release, contacts, report, attachments)</source>
        <translation>문서 구성 요소(보도 시점, 연락처, 보고, 붙임)</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>시작 시각</translation>
    </message>
    <message>
        <source>Embargo (empty: release at once)</source>
        <translation>엠바고(비우면 배포 즉시)</translation>
    </message>
    <message>
        <source>Embargo clock</source>
        <translation>엠바고 기준 시각</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>배포 기관</translation>
    </message>
    <message>
        <source>Report date</source>
        <translation>보고 일자</translation>
    </message>
    <message>
        <source>Reporting office</source>
        <translation>보고 부서</translation>
    </message>
    <message>
        <source>Reported by</source>
        <translation>보고자</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>연락처</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>붙임</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>담당 부서</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>담당자</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>전화</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>전자우편</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>붙임</translation>
    </message>
    <message>
        <source>Add contact</source>
        <translation>연락처 추가</translation>
    </message>
    <message>
        <source>Remove contact</source>
        <translation>연락처 삭제</translation>
    </message>
    <message>
        <source>Add attachment</source>
        <translation>붙임 추가</translation>
    </message>
    <message>
        <source>Remove attachment</source>
        <translation>붙임 삭제</translation>
    </message>
    <message>
        <source>A time like 14:00</source>
        <translation>14:00 형식의 시각</translation>
    </message>
    <message>
        <source>A date and time like 2024-11-08 06:00, or empty</source>
        <translation>2024-11-08 06:00 형식의 일시 또는 빈칸</translation>
    </message>
</context>
<context>
    <name>CommentThread</name>
    <message>
        <source>Add a comment on this item…</source>
        <translation>이 항목에 대한 의견 입력…</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>의견 추가</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>답글</translation>
    </message>
    <message>
        <source>Answer the selected comment with the text typed</source>
        <translation>입력한 내용으로 선택한 의견에 답글을 답니다</translation>
    </message>
    <message>
        <source>All comments</source>
        <translation>모든 의견</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>미해결</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>해결됨</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>해결됨</translation>
    </message>
    <message>
        <source>resolved by %1 on %2</source>
        <translation>해결됨: %1, %2</translation>
    </message>
    <message>
        <source>resolved on %1</source>
        <translation>해결됨: %1</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>다시 열기</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>해결</translation>
    </message>
</context>
<context>
    <name>CompareCommands</name>
    <message>
        <source>Compare with</source>
        <translation>비교할 파일</translation>
    </message>
    <message>
        <source>Briefings (*.briefing *.bak);;All files (*)</source>
        <translation>브리핑 (*.briefing *.bak);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>There is no earlier version: the .bak is written when the file is saved</source>
        <translation>이전 버전이 없습니다. .bak 파일은 파일을 다시 저장할 때 만들어집니다</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>제목 없음</translation>
    </message>
    <message>
        <source>(with unsaved changes)</source>
        <translation>(저장하지 않은 변경 포함)</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>비교하는 중…</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Compare versions</source>
        <translation>버전 비교</translation>
    </message>
    <message>
        <source>Old: %1
New: %2</source>
        <translation>이전: %1
이후: %2</translation>
    </message>
    <message>
        <source>All changes</source>
        <translation>모든 변경</translation>
    </message>
    <message>
        <source>Save as DOCX with tracked changes…</source>
        <translation>변경 내용 추적 DOCX로 저장…</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>보기:</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>추가됨</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>삭제됨</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>이동됨</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>변경됨</translation>
    </message>
    <message>
        <source>No changes (%1 items)</source>
        <translation>변경 없음 (항목 %1개)</translation>
    </message>
    <message>
        <source>Items: %1 added, %2 removed, %3 moved, %4 changed (of %5 → %6)</source>
        <translation>항목: 추가 %1, 삭제 %2, 이동 %3, 변경 %4 (%5개 → %6개)</translation>
    </message>
    <message>
        <source>; meeting card: %1 fields changed</source>
        <translation>; 회의 정보: %1개 필드 변경</translation>
    </message>
    <message>
        <source>; sections: %1 changed</source>
        <translation>; 섹션: %1개 변경</translation>
    </message>
    <message>
        <source>; %1 items matched by text (their ids differ)</source>
        <translation>; %1개 항목은 ID가 달라 텍스트로 대응시킴</translation>
    </message>
    <message>
        <source>%1 removed (was in %2)</source>
        <translation>%1 삭제됨 (원래 위치: %2)</translation>
    </message>
    <message>
        <source>(was %1)</source>
        <translation>(이전 %1)</translation>
    </message>
    <message>
        <source>added in %1</source>
        <translation>%1에 추가됨</translation>
    </message>
    <message>
        <source>moved from %1 to %2</source>
        <translation>%1에서 %2(으)로 이동됨</translation>
    </message>
    <message>
        <source>moved</source>
        <translation>이동됨</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>변경됨</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>[matched by text, %1% similar; ids differ]</source>
        <translation>[텍스트로 대응, 유사도 %1%, ID 다름]</translation>
    </message>
    <message>
        <source>Section %1 removed (%2)</source>
        <translation>섹션 %1 삭제됨 (%2)</translation>
    </message>
    <message>
        <source>Section %1</source>
        <translation>섹션 %1</translation>
    </message>
    <message>
        <source>type</source>
        <translation>유형</translation>
    </message>
    <message>
        <source>status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>source language</source>
        <translation>원문 언어</translation>
    </message>
    <message>
        <source>statement kind</source>
        <translation>성명 종류</translation>
    </message>
    <message>
        <source>note mark</source>
        <translation>주석 표시</translation>
    </message>
    <message>
        <source>due</source>
        <translation>기한</translation>
    </message>
    <message>
        <source>date</source>
        <translation>일자</translation>
    </message>
    <message>
        <source>review flag</source>
        <translation>검토 표시</translation>
    </message>
    <message>
        <source>comments</source>
        <translation>의견</translation>
    </message>
    <message>
        <source>owner (Korean)</source>
        <translation>담당 (한국어)</translation>
    </message>
    <message>
        <source>owner (English)</source>
        <translation>담당 (영어)</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>한국어</translation>
    </message>
    <message>
        <source>English</source>
        <translation>영어</translation>
    </message>
    <message>
        <source>title</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>series code</source>
        <translation>회의 약칭</translation>
    </message>
    <message>
        <source>series name</source>
        <translation>회의 명칭</translation>
    </message>
    <message>
        <source>session</source>
        <translation>회차</translation>
    </message>
    <message>
        <source>start date</source>
        <translation>시작일</translation>
    </message>
    <message>
        <source>end date</source>
        <translation>종료일</translation>
    </message>
    <message>
        <source>time zone note</source>
        <translation>시간대 표기</translation>
    </message>
    <message>
        <source>place</source>
        <translation>장소</translation>
    </message>
    <message>
        <source>marking</source>
        <translation>보안 등급 표시</translation>
    </message>
    <message>
        <source>start time</source>
        <translation>시작 시각</translation>
    </message>
    <message>
        <source>embargo</source>
        <translation>엠바고</translation>
    </message>
    <message>
        <source>embargo clock</source>
        <translation>엠바고 기준 시각</translation>
    </message>
    <message>
        <source>issued by</source>
        <translation>배포 기관</translation>
    </message>
    <message>
        <source>report date</source>
        <translation>보고 일자</translation>
    </message>
    <message>
        <source>reporting office</source>
        <translation>보고 부서</translation>
    </message>
    <message>
        <source>reported by</source>
        <translation>보고자</translation>
    </message>
    <message>
        <source>The two versions have the same content.</source>
        <translation>두 버전의 내용이 같습니다.</translation>
    </message>
    <message>
        <source>Title and meeting card</source>
        <translation>제목과 회의 정보</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>섹션</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>항목</translation>
    </message>
    <message>
        <source>No items of this kind.</source>
        <translation>해당하는 항목이 없습니다.</translation>
    </message>
    <message>
        <source>Save the comparison as DOCX</source>
        <translation>비교 결과를 DOCX로 저장</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word 문서 (*.docx)</translation>
    </message>
    <message>
        <source>Writing the comparison…</source>
        <translation>비교 결과를 쓰는 중…</translation>
    </message>
</context>
<context>
    <name>DocumentImport</name>
    <message>
        <source>Documents (%1);;All files (*)</source>
        <translation>문서 (%1);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Import a document (or its Korean and English versions)</source>
        <translation>문서 가져오기 (또는 국문본과 영문본 함께)</translation>
    </message>
    <message>
        <source>Choose one document, or two: its Korean and its English version.</source>
        <translation>문서를 하나 고르거나, 국문본과 영문본 두 개를 고르십시오.</translation>
    </message>
    <message>
        <source>Reading the document…</source>
        <translation>문서를 읽는 중…</translation>
    </message>
    <message>
        <source>The clipboard holds no text to paste as items.</source>
        <translation>클립보드에 항목으로 붙여넣을 텍스트가 없습니다.</translation>
    </message>
    <message>
        <source>Clipboard</source>
        <translation>클립보드</translation>
    </message>
    <message>
        <source>Reading the pasted text…</source>
        <translation>붙여넣은 텍스트를 읽는 중…</translation>
    </message>
    <message>
        <source>The clipboard holds more text than can be pasted as items (at most %1 MB).</source>
        <translation>클립보드의 텍스트가 항목으로 붙여넣기에는 너무 큽니다(최대 %1 MB).</translation>
    </message>
    <message>
        <source>%1 opened as a new briefing: review it, then save it</source>
        <translation>%1을(를) 새 브리핑으로 열었습니다. 검토한 뒤 저장하십시오</translation>
    </message>
    <message>
        <source>Pasted %1 items (one undo step)</source>
        <translation>항목 %1개를 붙여넣었습니다(실행 취소 한 번으로 되돌릴 수 있음)</translation>
    </message>
    <message>
        <source>Inserted %1 items from %2 (one undo step)</source>
        <translation>%2에서 항목 %1개를 넣었습니다(실행 취소 한 번으로 되돌릴 수 있음)</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>가져오기 실패</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>가져오기</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>아무것도 바뀌지 않았습니다.</translation>
    </message>
</context>
<context>
    <name>Edits</name>
    <message>
        <source>Edit text</source>
        <translation>문안 수정</translation>
    </message>
    <message>
        <source>Change item type</source>
        <translation>항목 유형 변경</translation>
    </message>
    <message>
        <source>Change statement kind</source>
        <translation>입장 유형 변경</translation>
    </message>
    <message>
        <source>Change note mark</source>
        <translation>참고 기호 변경</translation>
    </message>
    <message>
        <source>Change date</source>
        <translation>날짜 변경</translation>
    </message>
    <message>
        <source>Change owner</source>
        <translation>담당 변경</translation>
    </message>
    <message>
        <source>Change due date</source>
        <translation>기한 변경</translation>
    </message>
    <message>
        <source>Change source language</source>
        <translation>원문 언어 변경</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>승인</translation>
    </message>
    <message>
        <source>Approve shown items</source>
        <translation>표시된 항목 승인</translation>
    </message>
    <message>
        <source>Mark for review</source>
        <translation>검토 요청</translation>
    </message>
    <message>
        <source>Clear review mark</source>
        <translation>검토 요청 해제</translation>
    </message>
    <message>
        <source>Waive finding</source>
        <translation>검사 결과 예외 처리</translation>
    </message>
    <message>
        <source>Withdraw waiver</source>
        <translation>예외 처리 철회</translation>
    </message>
    <message>
        <source>Add comment</source>
        <translation>의견 추가</translation>
    </message>
    <message>
        <source>Resolve comment</source>
        <translation>의견 해결</translation>
    </message>
    <message>
        <source>Reopen comment</source>
        <translation>의견 다시 열기</translation>
    </message>
    <message>
        <source>Reply to comment</source>
        <translation>의견에 답글</translation>
    </message>
    <message>
        <source>Machine translation</source>
        <translation>기계 번역</translation>
    </message>
    <message>
        <source>Use memory match</source>
        <translation>번역 메모리 결과 사용</translation>
    </message>
    <message>
        <source>Import review</source>
        <translation>검토 결과 가져오기</translation>
    </message>
    <message>
        <source>Import document</source>
        <translation>문서 가져오기</translation>
    </message>
    <message>
        <source>Paste as items</source>
        <translation>항목으로 붙여넣기</translation>
    </message>
    <message>
        <source>Insert term</source>
        <translation>용어 삽입</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>항목 추가</translation>
    </message>
    <message>
        <source>Delete item</source>
        <translation>항목 삭제</translation>
    </message>
    <message>
        <source>Move item</source>
        <translation>항목 이동</translation>
    </message>
    <message>
        <source>Add section</source>
        <translation>절 추가</translation>
    </message>
    <message>
        <source>Delete section</source>
        <translation>절 삭제</translation>
    </message>
    <message>
        <source>Move section</source>
        <translation>절 이동</translation>
    </message>
    <message>
        <source>Rename section</source>
        <translation>절 제목 변경</translation>
    </message>
    <message>
        <source>Approve title</source>
        <translation>제목 승인</translation>
    </message>
    <message>
        <source>Title needs review</source>
        <translation>제목 검토 필요</translation>
    </message>
    <message>
        <source>Edit meeting card</source>
        <translation>회의 정보 수정</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>역할 변경</translation>
    </message>
    <message>
        <source>Add delegation</source>
        <translation>대표단 추가</translation>
    </message>
    <message>
        <source>Remove delegation</source>
        <translation>대표단 삭제</translation>
    </message>
    <message>
        <source>Add person</source>
        <translation>참석자 추가</translation>
    </message>
    <message>
        <source>Remove person</source>
        <translation>참석자 삭제</translation>
    </message>
    <message>
        <source>Add contact</source>
        <translation>연락처 추가</translation>
    </message>
    <message>
        <source>Remove contact</source>
        <translation>연락처 삭제</translation>
    </message>
    <message>
        <source>Add attachment</source>
        <translation>붙임 추가</translation>
    </message>
    <message>
        <source>Remove attachment</source>
        <translation>붙임 삭제</translation>
    </message>
</context>
<context>
    <name>EntriesModel</name>
    <message>
        <source>Korean</source>
        <translation>한국어</translation>
    </message>
    <message>
        <source>English</source>
        <translation>영어</translation>
    </message>
    <message>
        <source>Acronyms</source>
        <translation>약어</translation>
    </message>
    <message>
        <source>Forbidden</source>
        <translation>금지 용어</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>비고</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>확인됨</translation>
    </message>
    <message>
        <source>Termbase</source>
        <translation>용어집</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>예</translation>
    </message>
    <message>
        <source>no</source>
        <translation>아니요</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Replace the earlier export?</source>
        <translation>이전에 내보낸 파일을 바꾸시겠습니까?</translation>
    </message>
    <message>
        <source>%1 already holds these files of the same pack:
%2</source>
        <translation>%1에 같은 자료의 다음 파일이 이미 있습니다:
%2</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>바꾸기</translation>
    </message>
    <message>
        <source>Export briefing pack</source>
        <translation>브리핑 자료 내보내기</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>한국어</translation>
    </message>
    <message>
        <source>English</source>
        <translation>영어</translation>
    </message>
    <message>
        <source>Bilingual (side by side)</source>
        <translation>국영문 대조</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>선택…</translation>
    </message>
    <message>
        <source>Draft (allow unapproved items; pages marked DRAFT / 초안)</source>
        <translation>초안(미승인 항목 허용, 모든 쪽에 DRAFT / 초안 표시)</translation>
    </message>
    <message>
        <source>Also PDF (needs LibreOffice)</source>
        <translation>PDF도 만들기(LibreOffice 필요)</translation>
    </message>
    <message>
        <source>Also a zip of everything</source>
        <translation>전체를 zip으로도 묶기</translation>
    </message>
    <message>
        <source>Also HWPX (Hancom 한글)</source>
        <translation>HWPX(한글)도 만들기</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>양식</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>문서</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>폴더</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <source>Export into</source>
        <translation>내보낼 폴더</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>내보내는 중…</translation>
    </message>
    <message>
        <source>Wrote %1 files to %2.</source>
        <translation>%2에 파일 %1개를 저장했습니다.</translation>
    </message>
</context>
<context>
    <name>Failure</name>
    <message>
        <source>Unexpected error</source>
        <translation>예기치 않은 오류</translation>
    </message>
    <message>
        <source>File or disk problem</source>
        <translation>파일 또는 디스크 문제</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>Save failed</source>
        <translation>저장 실패</translation>
    </message>
    <message>
        <source>The briefing was not saved. Your changes are still open here: try again, or use Save As.</source>
        <translation>브리핑을 저장하지 못했습니다. 변경 사항은 이 창에 그대로 남아 있으니 다시 시도하거나 ‘다른 이름으로 저장’을 사용하십시오.</translation>
    </message>
    <message>
        <source>Backup copy failed</source>
        <translation>복구본 저장 실패</translation>
    </message>
    <message>
        <source>Unsaved work cannot be backed up to the recovery folder. Save the briefing to keep your changes.</source>
        <translation>저장하지 않은 작업을 복구 폴더에 백업할 수 없습니다. 변경 사항을 보존하려면 브리핑을 저장하십시오.</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>내보내기 실패</translation>
    </message>
    <message>
        <source>The briefing pack was not exported.</source>
        <translation>브리핑 자료를 내보내지 못했습니다.</translation>
    </message>
    <message>
        <source>Translation failed</source>
        <translation>번역 실패</translation>
    </message>
    <message>
        <source>Machine translation did not finish; the briefing was not changed.</source>
        <translation>기계 번역을 마치지 못했습니다. 브리핑은 변경되지 않았습니다.</translation>
    </message>
    <message>
        <source>Language package</source>
        <translation>언어 패키지</translation>
    </message>
    <message>
        <source>The language package was not installed.</source>
        <translation>언어 패키지를 설치하지 못했습니다.</translation>
    </message>
    <message>
        <source>Preview failed</source>
        <translation>미리보기 실패</translation>
    </message>
    <message>
        <source>The preview could not be made.</source>
        <translation>미리보기를 만들지 못했습니다.</translation>
    </message>
    <message>
        <source>Export for review failed</source>
        <translation>검토용 내보내기 실패</translation>
    </message>
    <message>
        <source>The review file was not written.</source>
        <translation>검토 파일을 쓰지 못했습니다.</translation>
    </message>
    <message>
        <source>Review not imported</source>
        <translation>검토 결과를 가져오지 못함</translation>
    </message>
    <message>
        <source>The review file could not be used. The briefing was not changed.</source>
        <translation>검토 파일을 사용할 수 없습니다. 브리핑은 변경되지 않았습니다.</translation>
    </message>
    <message>
        <source>Comparison failed</source>
        <translation>비교 실패</translation>
    </message>
    <message>
        <source>The two versions could not be compared.</source>
        <translation>두 버전을 비교하지 못했습니다.</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>오류 발생</translation>
    </message>
    <message>
        <source>The last action did not finish. The briefing is still open; if anything looks wrong, save it under a new name.</source>
        <translation>마지막 작업을 완료하지 못했습니다. 브리핑은 열려 있으며, 내용에 이상이 있어 보이면 다른 이름으로 저장하십시오.</translation>
    </message>
    <message>
        <source>Background task failed</source>
        <translation>백그라운드 작업 실패</translation>
    </message>
    <message>
        <source>Work running in the background did not finish.</source>
        <translation>백그라운드에서 실행 중이던 작업을 마치지 못했습니다.</translation>
    </message>
    <message>
        <source>This is a fault in Briefing Studio. The details were written to %1.</source>
        <translation>Briefing Studio의 결함입니다. 자세한 내용을 %1에 기록했습니다.</translation>
    </message>
    <message>
        <source>This is a fault in Briefing Studio. The log could not be written: %1</source>
        <translation>Briefing Studio의 결함입니다. 로그를 기록하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>The details are in %1.</source>
        <translation>자세한 내용은 %1에 있습니다.</translation>
    </message>
</context>
<context>
    <name>FileCommands</name>
    <message>
        <source>Unsaved changes</source>
        <translation>저장하지 않은 변경 사항</translation>
    </message>
    <message>
        <source>The briefing has unsaved changes. Save them first?</source>
        <translation>저장하지 않은 변경 사항이 있습니다. 먼저 저장하시겠습니까?</translation>
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
        <source>Cannot recover</source>
        <translation>복구할 수 없음</translation>
    </message>
    <message>
        <source>Save briefing</source>
        <translation>브리핑 저장</translation>
    </message>
    <message>
        <source>Briefings (*.briefing)</source>
        <translation>브리핑 (*.briefing)</translation>
    </message>
    <message>
        <source>Not saved: use Save As to keep both versions</source>
        <translation>저장하지 않음: 두 내용을 모두 남기려면 다른 이름으로 저장하십시오</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 저장됨</translation>
    </message>
    <message>
        <source>File changed on disk</source>
        <translation>파일이 디스크에서 변경됨</translation>
    </message>
    <message>
        <source>%1 was changed on disk after you opened it, perhaps by someone else. Replace it with your version? The version on disk is kept as %2.</source>
        <translation>%1 파일을 연 뒤에 디스크의 파일이 (다른 사람 등에 의해) 변경되었습니다. 지금 편집한 내용으로 바꾸시겠습니까? 디스크에 있던 내용은 %2(으)로 보관됩니다.</translation>
    </message>
</context>
<context>
    <name>FileList</name>
    <message>
        <source>Add…</source>
        <translation>추가…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Add a shared file (read-only)</source>
        <translation>공유 파일 추가(읽기 전용)</translation>
    </message>
    <message>
        <source>SQLite files (*.sqlite);;All files (*)</source>
        <translation>SQLite 파일 (*.sqlite);;모든 파일 (*)</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <source>Item</source>
        <translation>항목</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>심각도</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>검사</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>검토 내용</translation>
    </message>
</context>
<context>
    <name>FlagDialog</name>
    <message>
        <source>Flag for review</source>
        <translation>검토 요청</translation>
    </message>
    <message>
        <source>What should be checked?</source>
        <translation>무엇을 확인해야 합니까?</translation>
    </message>
    <message>
        <source>Why should item %1 be looked at again?</source>
        <translation>%1 항목을 다시 검토해야 하는 이유는 무엇입니까?</translation>
    </message>
</context>
<context>
    <name>HitsModel</name>
    <message>
        <source>Term</source>
        <translation>용어</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>대응어</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>비고</translation>
    </message>
    <message>
        <source>Termbase</source>
        <translation>용어집</translation>
    </message>
    <message>
        <source>%1 (forbidden)</source>
        <translation>%1 (금지)</translation>
    </message>
    <message>
        <source>unverified</source>
        <translation>미확인</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Paste as items</source>
        <translation>항목으로 붙여넣기</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>가져오기</translation>
    </message>
    <message>
        <source>&amp;Open as a new briefing</source>
        <translation>새 브리핑으로 열기(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Insert items</source>
        <translation>항목 넣기(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Insert into this briefing</source>
        <translation>이 브리핑에 넣기(&amp;I)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>%1 (detected)</source>
        <translation>%1(자동 감지)</translation>
    </message>
    <message>
        <source>%1: %2 sections and %3 items, %4.</source>
        <translation>%1: 섹션 %2개, 항목 %3개, %4.</translation>
    </message>
    <message>
        <source>encoding %1</source>
        <translation>인코딩 %1</translation>
    </message>
    <message>
        <source>Read as %1.</source>
        <translation>%1 형식으로 읽었습니다.</translation>
    </message>
    <message>
        <source>%1 lines were not understood and are kept as paragraphs.</source>
        <translation>이해하지 못한 %1개 줄은 문단 항목으로 남겼습니다.</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>초안</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>Other language</source>
        <translation>다른 언어</translation>
    </message>
    <message>
        <source>Meeting card</source>
        <translation>회의 정보</translation>
    </message>
    <message>
        <source>(nothing recognised)</source>
        <translation>(인식된 내용 없음)</translation>
    </message>
    <message>
        <source>section</source>
        <translation>섹션</translation>
    </message>
    <message>
        <source>title</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>attachment</source>
        <translation>붙임</translation>
    </message>
    <message>
        <source>session</source>
        <translation>차수</translation>
    </message>
    <message>
        <source>meeting name</source>
        <translation>회의 명칭</translation>
    </message>
    <message>
        <source>meeting date</source>
        <translation>회의 일자</translation>
    </message>
    <message>
        <source>time zone note</source>
        <translation>현지시각 표기</translation>
    </message>
    <message>
        <source>place</source>
        <translation>장소</translation>
    </message>
    <message>
        <source>co-chair</source>
        <translation>수석대표</translation>
    </message>
    <message>
        <source>co-chairs</source>
        <translation>수석대표</translation>
    </message>
    <message>
        <source>not recognised: %1</source>
        <translation>인식하지 못함: %1</translation>
    </message>
    <message>
        <source>The items go after the selected item; headings in the text become new sections after its section.</source>
        <translation>항목은 선택한 항목 뒤에 들어가고, 텍스트의 제목은 그 섹션 뒤에 새 섹션이 됩니다.</translation>
    </message>
    <message>
        <source>Open as a new briefing takes the meeting card too. Insert adds the title (as an item), the sections and the items after the selected section, and leaves this briefing&apos;s meeting card as it is.</source>
        <translation>새 브리핑으로 열면 회의 정보도 함께 가져옵니다. 이 브리핑에 넣으면 제목(항목으로), 섹션과 항목이 선택한 섹션 뒤에 들어가고, 이 브리핑의 회의 정보는 그대로 남습니다.</translation>
    </message>
    <message>
        <source>&amp;Pair the two selected</source>
        <translation>선택한 두 항목 짝짓기(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Unpair</source>
        <translation>짝 풀기(&amp;U)</translation>
    </message>
    <message>
        <source>Select an unpaired Korean item and an unpaired English item (Ctrl+click) to make them one item.</source>
        <translation>짝이 없는 한국어 항목과 영어 항목을 하나씩 선택하면(Ctrl+클릭) 한 항목으로 합칩니다.</translation>
    </message>
    <message>
        <source>Split the selected item&apos;s two texts into two unpaired items.</source>
        <translation>선택한 항목의 두 언어 텍스트를 짝이 없는 두 항목으로 나눕니다.</translation>
    </message>
    <message>
        <source>plain text</source>
        <translation>일반 텍스트</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>회의</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>차수</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>일시</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>장소</translation>
    </message>
    <message>
        <source>Co-chair</source>
        <translation>수석대표</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>붙임</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>가져오기 보고</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>신뢰도</translation>
    </message>
    <message>
        <source>Recognised</source>
        <translation>인식한 내용</translation>
    </message>
    <message>
        <source>pairs</source>
        <translation>짝</translation>
    </message>
    <message>
        <source>unsure pairs (below 50 %)</source>
        <translation>불확실한 짝(50% 미만)</translation>
    </message>
    <message>
        <source>Aligned (both texts per item, to be reviewed)</source>
        <translation>짝지음(항목마다 두 언어, 검토 필요)</translation>
    </message>
    <message>
        <source>Unpaired (kept on their own)</source>
        <translation>짝 없음(따로 보존)</translation>
    </message>
    <message>
        <source>Not understood (kept as paragraphs)</source>
        <translation>이해하지 못함(문단 항목으로 보존)</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>%1행</translation>
    </message>
    <message>
        <source>Set apart (in the last section)</source>
        <translation>따로 둔 내용(마지막 섹션)</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>건너뜀</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>참고</translation>
    </message>
</context>
<context>
    <name>ItemEditor</name>
    <message>
        <source>Source:</source>
        <translation>원문:</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>한국어</translation>
    </message>
    <message>
        <source>English</source>
        <translation>영어</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>승인</translation>
    </message>
    <message>
        <source>Approve the translation (Ctrl+Enter)</source>
        <translation>번역 승인(Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Request review</source>
        <translation>검토 요청</translation>
    </message>
    <message>
        <source>Flag the item for another look (Ctrl+Shift+R)</source>
        <translation>이 항목에 검토를 요청합니다(Ctrl+Shift+R)</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>일자:</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>담당:</translation>
    </message>
    <message>
        <source>Owner in Korean</source>
        <translation>담당 기관(한국어)</translation>
    </message>
    <message>
        <source>Owner in English</source>
        <translation>담당 기관(영어)</translation>
    </message>
    <message>
        <source>Due:</source>
        <translation>기한:</translation>
    </message>
    <message>
        <source>Korean text (Markdown)</source>
        <translation>한국어 문안(Markdown)</translation>
    </message>
    <message>
        <source>English text (Markdown)</source>
        <translation>영어 문안(Markdown)</translation>
    </message>
    <message>
        <source>(source)</source>
        <translation>(원문)</translation>
    </message>
    <message>
        <source>Review requested</source>
        <translation>검토 요청됨</translation>
    </message>
    <message>
        <source>The item had no source text: %1 is now its source, and Translate fills in the %2.</source>
        <translation>이 항목에 원문이 없었으므로 %1을(를) 원문으로 바꾸었습니다. 번역하면 %2이(가) 채워집니다.</translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation>변경되지 않음: %1</translation>
    </message>
</context>
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
    <name>Labels</name>
    <message>
        <source>Korean</source>
        <translation>한국어</translation>
    </message>
    <message>
        <source>English</source>
        <translation>영어</translation>
    </message>
</context>
<context>
    <name>LiveTranslation</name>
    <message>
        <source>from the memory</source>
        <translation>메모리에서</translation>
    </message>
    <message>
        <source>machine</source>
        <translation>기계 번역</translation>
    </message>
    <message>
        <source>Suggestion (%1; %2 to accept): %3</source>
        <translation>제안(%1, %2 키로 수락): %3</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Undo</source>
        <translation>실행 취소(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>다시 실행(&amp;R)</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>항목</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>절</translation>
    </message>
    <message>
        <source>Meeting card</source>
        <translation>회의 정보</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>미리 보기</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>용어</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>번역 메모리</translation>
    </message>
    <message>
        <source>QA</source>
        <translation>검토 결과</translation>
    </message>
    <message>
        <source>Find in both languages…</source>
        <translation>두 언어에서 찾기…</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>실행 취소</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>다시 실행</translation>
    </message>
    <message>
        <source>“%1” was not found</source>
        <translation>“%1”을(를) 찾지 못했습니다</translation>
    </message>
    <message>
        <source>Choose an item in the outline to translate it</source>
        <translation>번역할 항목을 개요에서 선택하십시오</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>한국어</translation>
    </message>
    <message>
        <source>English</source>
        <translation>영어</translation>
    </message>
    <message>
        <source>Nothing to translate: type the %1 source first, and Translate fills in the %2</source>
        <translation>번역할 내용이 없습니다. 먼저 %1 원문을 입력하면 번역이 %2을(를) 채웁니다</translation>
    </message>
    <message>
        <source>Items %1 · approved %2 · needs review %3 · flagged %4 · open comments %5</source>
        <translation>항목 %1개 · 승인 %2 · 검토 필요 %3 · 검토 요청 %4 · 미해결 의견 %5</translation>
    </message>
    <message>
        <source>titles to check %1</source>
        <translation>확인할 제목 %1</translation>
    </message>
    <message>
        <source>About Briefing Studio</source>
        <translation>Briefing Studio 정보</translation>
    </message>
    <message>
        <source>Briefing Studio %1
Bilingual Korean/English briefings, translated offline.</source>
        <translation>Briefing Studio %1
국영문 브리핑 작성, 오프라인 번역.</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>제목 없음</translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation>변경되지 않음: %1</translation>
    </message>
</context>
<context>
    <name>Memory</name>
    <message>
        <source>personal</source>
        <translation>개인</translation>
    </message>
</context>
<context>
    <name>MemoryCommands</name>
    <message>
        <source>The translation memory did not learn: %1</source>
        <translation>번역 메모리에 저장하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>Import a translation memory</source>
        <translation>번역 메모리 가져오기</translation>
    </message>
    <message>
        <source>TMX files (*.tmx);;All files (*)</source>
        <translation>TMX 파일 (*.tmx);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Export the translation memory</source>
        <translation>번역 메모리 내보내기</translation>
    </message>
    <message>
        <source>TMX files (*.tmx)</source>
        <translation>TMX 파일 (*.tmx)</translation>
    </message>
    <message>
        <source>Importing the translation memory…</source>
        <translation>번역 메모리를 가져오는 중…</translation>
    </message>
    <message>
        <source>Imported %1 units into your translation memory; skipped %2.</source>
        <translation>번역 메모리에 %1개 단위를 가져왔습니다. 건너뜀: %2개.</translation>
    </message>
    <message>
        <source>Translation memory imported</source>
        <translation>번역 메모리 가져오기 완료</translation>
    </message>
    <message>
        <source>Translation memory not imported</source>
        <translation>번역 메모리를 가져오지 못함</translation>
    </message>
    <message>
        <source>The file could not be imported. The translation memory was not changed.</source>
        <translation>파일을 가져올 수 없습니다. 번역 메모리는 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <source>Your translation memory is empty: nothing to export</source>
        <translation>번역 메모리가 비어 있어 내보낼 내용이 없습니다</translation>
    </message>
    <message>
        <source>Exported %1 units to %2</source>
        <translation>%1개 단위를 %2(으)로 내보냈습니다</translation>
    </message>
    <message>
        <source>Exporting the translation memory…</source>
        <translation>번역 메모리를 내보내는 중…</translation>
    </message>
    <message>
        <source>Translation memory not exported</source>
        <translation>번역 메모리를 내보내지 못함</translation>
    </message>
</context>
<context>
    <name>MemoryPanel</name>
    <message>
        <source>Translation</source>
        <translation>번역</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>번역 메모리</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>승인</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>원문</translation>
    </message>
    <message>
        <source>Concordance</source>
        <translation>용례 검색</translation>
    </message>
    <message>
        <source>Search the memory for a word or phrase, in either language…</source>
        <translation>번역 메모리에서 단어나 구절 검색(한국어·영어)…</translation>
    </message>
    <message>
        <source>Select an item to see its matches in the translation memory.</source>
        <translation>항목을 선택하면 번역 메모리의 일치 결과가 표시됩니다.</translation>
    </message>
    <message>
        <source>No match in the translation memory.</source>
        <translation>번역 메모리에 일치하는 결과가 없습니다.</translation>
    </message>
    <message>
        <source>Matches: %1 — click one, or press Ctrl+1…Ctrl+9, to use it</source>
        <translation>일치 %1건 — 클릭하거나 Ctrl+1…Ctrl+9를 눌러 사용</translation>
    </message>
    <message>
        <source>Match %1 (%2%) against this item&apos;s source:</source>
        <translation>결과 %1(%2%)과 이 항목 원문의 차이:</translation>
    </message>
    <message>
        <source>Match %1 is exact.</source>
        <translation>결과 %1은(는) 완전 일치입니다.</translation>
    </message>
    <message>
        <source>The numbers and dates of this item were put in.</source>
        <translation>이 항목의 숫자와 날짜를 넣었습니다.</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>&quot;{found}&quot; is not a date like 2024-11-07, 2024-11, 2025-H1, 2025-Q2 or 2025</source>
        <translation>&quot;{found}&quot;은(는) 날짜 형식(2024-11-07, 2024-11, 2025-H1, 2025-Q2, 2025)이 아닙니다</translation>
    </message>
    <message>
        <source>&quot;{found}&quot; is not a real date ({reason})</source>
        <translation>&quot;{found}&quot;은(는) 실제 날짜가 아닙니다({reason})</translation>
    </message>
    <message>
        <source>&quot;{found}&quot; has no month {month}</source>
        <translation>&quot;{found}&quot;: {month}월은 없습니다</translation>
    </message>
    <message>
        <source>cannot approve an item whose source text is empty</source>
        <translation>원문이 비어 있는 항목은 승인할 수 없습니다</translation>
    </message>
    <message>
        <source>cannot approve an item whose translation is empty</source>
        <translation>번역문이 비어 있는 항목은 승인할 수 없습니다</translation>
    </message>
    <message>
        <source>an empty translation cannot be flagged for review</source>
        <translation>비어 있는 번역문은 검토 요청을 할 수 없습니다</translation>
    </message>
    <message>
        <source>a comment needs some text</source>
        <translation>의견 내용을 입력하십시오</translation>
    </message>
    <message>
        <source>there is no comment {id} on this item to reply to</source>
        <translation>이 항목에는 답글을 달 의견 {id}이(가) 없습니다</translation>
    </message>
    <message>
        <source>an item with id &apos;{id}&apos; is already in the briefing</source>
        <translation>ID &apos;{id}&apos; 항목이 이미 브리핑에 있습니다</translation>
    </message>
    <message>
        <source>a section with id &apos;{id}&apos; is already in the briefing</source>
        <translation>ID &apos;{id}&apos; 절이 이미 브리핑에 있습니다</translation>
    </message>
    <message>
        <source>must be {wanted}, found {found}</source>
        <translation>{wanted}이어야 하나 {found}입니다</translation>
    </message>
    <message>
        <source>{found} is not one of: {choices}</source>
        <translation>{found}은(는) 다음 값 중 하나가 아닙니다: {choices}</translation>
    </message>
    <message>
        <source>expected {wanted}, found {found}</source>
        <translation>{wanted}이어야 하나 {found}입니다</translation>
    </message>
    <message>
        <source>{found} is less than {limit}</source>
        <translation>{found}은(는) {limit}보다 작습니다</translation>
    </message>
    <message>
        <source>{found} is more than {limit}</source>
        <translation>{found}은(는) {limit}보다 큽니다</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>비어 있으면 안 됩니다</translation>
    </message>
    <message>
        <source>is shorter than {limit} characters</source>
        <translation>{limit}자보다 짧습니다</translation>
    </message>
    <message>
        <source>is longer than {limit} characters</source>
        <translation>{limit}자보다 깁니다</translation>
    </message>
    <message>
        <source>{found} is not {wanted}</source>
        <translation>{found}은(는) {wanted}이(가) 아닙니다</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>누락됨</translation>
    </message>
    <message>
        <source>unknown field</source>
        <translation>알 수 없는 필드</translation>
    </message>
    <message>
        <source>{first} or {second}</source>
        <translation>{first} 또는 {second}</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>객체</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>목록</translation>
    </message>
    <message>
        <source>text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>정수</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>숫자</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>참 또는 거짓</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null 값</translation>
    </message>
    <message>
        <source>the end date {end} is before the start date {start}</source>
        <translation>종료일 {end}이(가) 시작일 {start}보다 앞섭니다</translation>
    </message>
    <message>
        <source>{found} is not between {low} and {high}</source>
        <translation>{found}은(는) {low}에서 {high} 사이의 값이 아닙니다</translation>
    </message>
    <message>
        <source>{found} is not an id (letters, digits, _ . : - and at most {limit} characters)</source>
        <translation>{found}은(는) ID가 아닙니다(영문자, 숫자, _ . : - 로 {limit}자 이내)</translation>
    </message>
    <message>
        <source>id {found} is already used at {other}</source>
        <translation>ID {found}은(는) {other}에서 이미 사용 중입니다</translation>
    </message>
    <message>
        <source>does not apply to a {type} item</source>
        <translation>{type} 항목에는 해당하지 않습니다</translation>
    </message>
    <message>
        <source>missing: a schedule item needs a date</source>
        <translation>누락됨: 일정 항목에는 날짜가 필요합니다</translation>
    </message>
    <message>
        <source>expected text, found {found}</source>
        <translation>텍스트여야 하나 {found}입니다</translation>
    </message>
    <message>
        <source>{found} is not a source fingerprint (16 hexadecimal digits)</source>
        <translation>{found}은(는) 원문 지문(16자리 16진수)이 아닙니다</translation>
    </message>
    <message>
        <source>expected a date, found {found}</source>
        <translation>날짜여야 하나 {found}입니다</translation>
    </message>
    <message>
        <source>expected a whole number from 1, found {found}</source>
        <translation>1 이상의 정수여야 하나 {found}입니다</translation>
    </message>
    <message>
        <source>{found} is not a real date ({reason})</source>
        <translation>{found}은(는) 실제 날짜가 아닙니다({reason})</translation>
    </message>
    <message>
        <source>{found} is not a real date and time</source>
        <translation>{found}은(는) 실제 날짜·시각이 아닙니다</translation>
    </message>
    <message>
        <source>{found} is not a real time of day</source>
        <translation>{found}은(는) 올바른 시각이 아닙니다</translation>
    </message>
    <message>
        <source>not UTF-8 text (invalid byte at offset {offset}); is this a .briefing file?</source>
        <translation>UTF-8 텍스트가 아닙니다(오프셋 {offset}의 바이트가 잘못됨). .briefing 파일이 맞는지 확인하십시오</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>파일이 비어 있습니다</translation>
    </message>
    <message>
        <source>not valid JSON at line {line}, column {column}: {reason}</source>
        <translation>{line}행 {column}열: 올바른 JSON이 아닙니다({reason})</translation>
    </message>
    <message>
        <source>not valid JSON at line {line}, column {column}: the file ends too early (truncated?)</source>
        <translation>{line}행 {column}열: 올바른 JSON이 아닙니다. 파일이 중간에 끝납니다(잘린 파일일 수 있음)</translation>
    </message>
    <message>
        <source>not a .briefing file: JSON nested too deeply</source>
        <translation>.briefing 파일이 아닙니다: JSON 중첩이 너무 깊습니다</translation>
    </message>
    <message>
        <source>not a .briefing file: the top level is {found}</source>
        <translation>.briefing 파일이 아닙니다: 최상위 값이 {found}입니다</translation>
    </message>
    <message>
        <source>not a .briefing file: expected format &apos;{wanted}&apos;, found format {found}</source>
        <translation>.briefing 파일이 아닙니다: 형식 &apos;{wanted}&apos;이어야 하나 형식 {found}입니다</translation>
    </message>
    <message>
        <source>not a .briefing file: expected format &apos;{wanted}&apos;, found no format name</source>
        <translation>.briefing 파일이 아닙니다: 형식 &apos;{wanted}&apos;이어야 하나 형식 이름이 없습니다</translation>
    </message>
    <message>
        <source>the file has no valid format version</source>
        <translation>파일에 올바른 형식 버전이 없습니다</translation>
    </message>
    <message>
        <source>the file uses format version {version}, but this Briefing Studio reads versions up to {current}; open it with a newer Briefing Studio</source>
        <translation>이 파일은 형식 버전 {version}을(를) 사용하나, 이 브리핑 스튜디오는 버전 {current}까지만 읽을 수 있습니다. 최신 브리핑 스튜디오로 여십시오</translation>
    </message>
    <message>
        <source>format version {version} is not supported (no migration to {next})</source>
        <translation>형식 버전 {version}은(는) 지원하지 않습니다({next} 버전으로 변환할 수 없음)</translation>
    </message>
    <message>
        <source>the file is not a valid briefing ({count} problems)</source>
        <translation>올바른 브리핑 파일이 아닙니다(문제 {count}건)</translation>
    </message>
    <message>
        <source>the file is not a valid briefing (1 problem)</source>
        <translation>올바른 브리핑 파일이 아닙니다(문제 1건)</translation>
    </message>
    <message>
        <source>… and {count} more problems</source>
        <translation>… 외 문제 {count}건</translation>
    </message>
    <message>
        <source>this field is given twice (a reader would silently keep only the last)</source>
        <translation>이 필드가 두 번 들어 있습니다(읽는 프로그램이 마지막 값만 조용히 쓰게 됩니다)</translation>
    </message>
    <message>
        <source>{found} is outside the years {low} to {high} in UTC</source>
        <translation>{found}은(는) UTC 기준 {low}년부터 {high}년까지의 범위를 벗어납니다</translation>
    </message>
    <message>
        <source>{path}: {size} MB is larger than any briefing (limit 512 MB)</source>
        <translation>{path}: {size}MB로, 브리핑 파일의 최대 크기(512MB)를 초과합니다</translation>
    </message>
    <message>
        <source>{path}: no such file</source>
        <translation>{path}: 파일이 없습니다</translation>
    </message>
    <message>
        <source>{path}: is a folder, not a file</source>
        <translation>{path}: 파일이 아니라 폴더입니다</translation>
    </message>
    <message>
        <source>{path}: permission denied</source>
        <translation>{path}: 접근 권한이 없습니다</translation>
    </message>
    <message>
        <source>{path}: cannot be read ({reason})</source>
        <translation>{path}: 읽을 수 없습니다({reason})</translation>
    </message>
    <message>
        <source>{path}: not saved, because the file was changed on disk after it was opened here (by another person or program)</source>
        <translation>{path}: 이 창에서 연 뒤 다른 사람이나 프로그램이 파일을 변경하여 저장하지 않았습니다</translation>
    </message>
    <message>
        <source>{path}: not replaced, because the file there is not a briefing this program can read ({reason}). Save under another name, or move that file away first.</source>
        <translation>{path}: 그 위치의 파일이 이 프로그램에서 읽을 수 있는 브리핑이 아니어서 덮어쓰지 않았습니다({reason}). 다른 이름으로 저장하거나 해당 파일을 먼저 옮기십시오.</translation>
    </message>
    <message>
        <source>{path}: not saved: the text contains a character that cannot be stored ({character})</source>
        <translation>{path}: 저장할 수 없는 문자({character})가 있어 저장하지 않았습니다</translation>
    </message>
    <message>
        <source>{path}: cannot write in {folder} ({reason})</source>
        <translation>{path}: {folder}에 쓸 수 없습니다({reason})</translation>
    </message>
    <message>
        <source>{path}: not saved ({reason}); the file on disk is unchanged</source>
        <translation>{path}: 저장하지 못했습니다({reason}). 디스크의 파일은 변경되지 않았습니다</translation>
    </message>
    <message>
        <source>the data folder {folder} cannot be used ({reason}); set {variable} to a folder you can write to</source>
        <translation>데이터 폴더 {folder}을(를) 사용할 수 없습니다({reason}). {variable}을(를) 쓰기 가능한 폴더로 지정하십시오</translation>
    </message>
    <message>
        <source>{name}: no such file</source>
        <translation>{name}: 파일이 없습니다</translation>
    </message>
    <message>
        <source>{name}: not a language package: not a readable zip archive ({reason})</source>
        <translation>{name}: 언어 패키지가 아닙니다. 읽을 수 있는 zip 압축 파일이 아닙니다({reason})</translation>
    </message>
    <message>
        <source>{name}: damaged archive: {member} does not match its checksum (truncated download?)</source>
        <translation>{name}: 손상된 압축 파일입니다. {member}의 체크섬이 맞지 않습니다(내려받기가 중간에 끊겼을 수 있음)</translation>
    </message>
    <message>
        <source>{name}: the archive is empty</source>
        <translation>{name}: 압축 파일이 비어 있습니다</translation>
    </message>
    <message>
        <source>{name}: {count} files in the archive (at most {limit} allowed)</source>
        <translation>{name}: 압축 파일 안의 파일이 {count}개입니다(최대 {limit}개)</translation>
    </message>
    <message>
        <source>{name}: unsafe path in the archive: {member}</source>
        <translation>{name}: 압축 파일에 안전하지 않은 경로가 있습니다: {member}</translation>
    </message>
    <message>
        <source>{name}: {member} is a link; packages may contain only files and folders</source>
        <translation>{name}: {member}은(는) 링크입니다. 패키지에는 파일과 폴더만 들어 있어야 합니다</translation>
    </message>
    <message>
        <source>{name}: {member} is a device or special file; packages may contain only files and folders</source>
        <translation>{name}: {member}은(는) 장치 파일 또는 특수 파일입니다. 패키지에는 파일과 폴더만 들어 있어야 합니다</translation>
    </message>
    <message>
        <source>{name}: {member} is encrypted</source>
        <translation>{name}: {member}이(가) 암호화되어 있습니다</translation>
    </message>
    <message>
        <source>{name}: {member} expands {ratio}-fold (at most {limit}); refusing a possible zip bomb</source>
        <translation>{name}: {member}의 압축 해제 크기가 {ratio}배입니다(최대 {limit}배). 압축 폭탄일 수 있어 거부합니다</translation>
    </message>
    <message>
        <source>{name}: unpacks to {size} GB (at most {limit} GB allowed)</source>
        <translation>{name}: 압축 해제 크기가 {size}GB입니다(최대 {limit}GB)</translation>
    </message>
    <message>
        <source>{name}: expands {ratio}-fold; refusing a possible zip bomb</source>
        <translation>{name}: 압축 해제 크기가 {ratio}배입니다. 압축 폭탄일 수 있어 거부합니다</translation>
    </message>
    <message>
        <source>{name}: a package holds exactly one top-level folder; found {found}</source>
        <translation>{name}: 패키지에는 최상위 폴더가 정확히 하나 있어야 하나 {found}이(가) 있습니다</translation>
    </message>
    <message>
        <source>{name}: {top}/metadata.json is missing</source>
        <translation>{name}: {top}/metadata.json이 없습니다</translation>
    </message>
    <message>
        <source>{name}: metadata.json is not valid JSON ({reason})</source>
        <translation>{name}: metadata.json이 올바른 JSON이 아닙니다({reason})</translation>
    </message>
    <message>
        <source>{name}: metadata.json cannot be read ({reason})</source>
        <translation>{name}: metadata.json을 읽을 수 없습니다({reason})</translation>
    </message>
    <message>
        <source>{name}: metadata.json must hold an object</source>
        <translation>{name}: metadata.json은 객체여야 합니다</translation>
    </message>
    <message>
        <source>{name}: metadata.json needs {key} as a language code such as &apos;ko&apos;; found {found}</source>
        <translation>{name}: metadata.json의 {key}은(는) &apos;ko&apos;와 같은 언어 코드여야 하나 {found}입니다</translation>
    </message>
    <message>
        <source>{name}: a {kind} package, not a translation package</source>
        <translation>{name}: 번역 패키지가 아니라 {kind} 패키지입니다</translation>
    </message>
    <message>
        <source>{name}: metadata.json has an unusable package_version {found}</source>
        <translation>{name}: metadata.json의 package_version {found}을(를) 사용할 수 없습니다</translation>
    </message>
    <message>
        <source>{name}: a BPE package; Briefing Studio supports SentencePiece packages only (all current Argos Korean and English packages are SentencePiece)</source>
        <translation>{name}: BPE 패키지입니다. 브리핑 스튜디오는 SentencePiece 패키지만 지원합니다(현재 Argos 한국어·영어 패키지는 모두 SentencePiece입니다)</translation>
    </message>
    <message>
        <source>{name}: {top}/sentencepiece.model is missing</source>
        <translation>{name}: {top}/sentencepiece.model이 없습니다</translation>
    </message>
    <message>
        <source>{name}: not a CTranslate2 model: {top}/{required} is missing</source>
        <translation>{name}: CTranslate2 모델이 아닙니다. {top}/{required}이(가) 없습니다</translation>
    </message>
    <message>
        <source>{name}: not a CTranslate2 model: no vocabulary file in {top}/model/</source>
        <translation>{name}: CTranslate2 모델이 아닙니다. {top}/model/에 어휘 파일이 없습니다</translation>
    </message>
    <message>
        <source>the packages folder {folder} contains one of the words {words}, which confuses Argos Translate; set BRIEFING_HOME to another folder</source>
        <translation>패키지 폴더 {folder}에 Argos Translate가 오작동하는 단어({words}) 중 하나가 들어 있습니다. BRIEFING_HOME을 다른 폴더로 지정하십시오</translation>
    </message>
    <message>
        <source>{name}: version {version} is older than the installed {from_code}→{to_code} version {installed}; remove the installed one first to go back</source>
        <translation>{name}: 버전 {version}은(는) 설치된 {from_code}→{to_code} 버전 {installed}보다 오래되었습니다. 이전 버전으로 되돌리려면 설치된 패키지를 먼저 삭제하십시오</translation>
    </message>
    <message>
        <source>{name}: could not be installed ({reason})</source>
        <translation>{name}: 설치하지 못했습니다({reason})</translation>
    </message>
    <message>
        <source>no {from_code}→{to_code} package is installed</source>
        <translation>{from_code}→{to_code} 패키지가 설치되어 있지 않습니다</translation>
    </message>
    <message>
        <source>{name}: unpacks to more than it declares; refused</source>
        <translation>{name}: 선언된 크기보다 크게 압축이 풀려 거부했습니다</translation>
    </message>
    <message>
        <source>{name}: not a package (no metadata.json)</source>
        <translation>{name}: 패키지가 아닙니다(metadata.json 없음)</translation>
    </message>
    <message>
        <source>{name}: incomplete package ({required} is missing)</source>
        <translation>{name}: 불완전한 패키지입니다({required} 없음)</translation>
    </message>
    <message>
        <source>{name}: translates {language} into {language}; a package translates between two languages</source>
        <translation>{name}: {language}를 {language}로 번역합니다. 언어 패키지는 서로 다른 두 언어 사이를 번역해야 합니다</translation>
    </message>
    <message>
        <source>{name}: {member} appears twice in the archive</source>
        <translation>{name}: 압축 파일에 {member}이(가) 두 번 들어 있습니다</translation>
    </message>
    <message>
        <source>{name}: {first} and {second} would be the same file on disk</source>
        <translation>{name}: {first}와(과) {second}은(는) 디스크에서 같은 파일이 됩니다</translation>
    </message>
    <message>
        <source>{name}: the package was unpacked but cannot translate ({reason}); the installed packages are unchanged</source>
        <translation>{name}: 패키지를 풀었지만 번역할 수 없습니다({reason}). 설치된 패키지는 바뀌지 않았습니다</translation>
    </message>
    <message>
        <source>{name}: unreadable metadata.json ({reason})</source>
        <translation>{name}: metadata.json을 읽을 수 없습니다({reason})</translation>
    </message>
    <message>
        <source>beam size must be between 1 and 16</source>
        <translation>빔 크기는 1에서 16 사이여야 합니다</translation>
    </message>
    <message>
        <source>threads must be between 0 (automatic) and 256</source>
        <translation>스레드 수는 0(자동)에서 256 사이여야 합니다</translation>
    </message>
    <message>
        <source>batch size must be at least 1 and sentences at least 8 tokens</source>
        <translation>배치 크기는 1 이상, 문장 길이는 8토큰 이상이어야 합니다</translation>
    </message>
    <message>
        <source>no {from_language}→{to_language} language package is installed</source>
        <translation>{from_language}→{to_language} 언어 패키지가 설치되어 있지 않습니다</translation>
    </message>
    <message>
        <source>the {from_code}→{to_code} package cannot be loaded: {reason}</source>
        <translation>{from_code}→{to_code} 패키지를 불러올 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>the {from_code}→{to_code} package could not translate a batch of {count} sentences: {reason}</source>
        <translation>{from_code}→{to_code} 패키지로 문장 {count}개를 번역하지 못했습니다: {reason}</translation>
    </message>
    <message>
        <source>the translation lost the markup {opening}…{closing}</source>
        <translation>번역문에서 서식 {opening}…{closing}이(가) 없어졌습니다</translation>
    </message>
    <message>
        <source>the translation lost {atom}; it was added at the end</source>
        <translation>번역문에서 {atom}이(가) 없어져 끝에 덧붙였습니다</translation>
    </message>
    <message>
        <source>{item}: {warning}</source>
        <translation>항목 {item}: {warning}</translation>
    </message>
    <message>
        <source>the translation cache {file} cannot be used ({reason}); translated without</source>
        <translation>번역 캐시 {file}을(를) 사용할 수 없어({reason}) 캐시 없이 번역했습니다</translation>
    </message>
    <message>
        <source>the translation lost the term {term}; it was added at the end</source>
        <translation>번역에서 용어 {term}이(가) 빠져 끝에 덧붙였습니다</translation>
    </message>
    <message>
        <source>template &apos;{key}&apos; has no {layout} layout (it has: {supported})</source>
        <translation>서식 &apos;{key}&apos;에 {layout} 배치가 없습니다(있는 배치: {supported})</translation>
    </message>
    <message>
        <source>no template named &apos;{key}&apos;; available: {available}</source>
        <translation>&apos;{key}&apos;(이)라는 서식이 없습니다. 사용 가능한 서식: {available}</translation>
    </message>
    <message>
        <source>{where}: unreadable manifest ({reason})</source>
        <translation>{where}: 매니페스트를 읽을 수 없습니다({reason})</translation>
    </message>
    <message>
        <source>{where}: invalid manifest ({reason})</source>
        <translation>{where}: 매니페스트가 올바르지 않습니다({reason})</translation>
    </message>
    <message>
        <source>{where}: marking_position must be one of {choices}</source>
        <translation>{where}: marking_position은 다음 중 하나여야 합니다: {choices}</translation>
    </message>
    <message>
        <source>{where}: fonts.east_asian and fonts.latin each need at least one font</source>
        <translation>{where}: fonts.east_asian과 fonts.latin에 글꼴이 각각 하나 이상 있어야 합니다</translation>
    </message>
    <message>
        <source>{where}: the {layout} document is missing</source>
        <translation>{where}: {layout} 문서가 없습니다</translation>
    </message>
    <message>
        <source>template &apos;{key}&apos;: {name} cannot be read as a Word document ({reason})</source>
        <translation>서식 &apos;{key}&apos;: {name}을(를) Word 문서로 읽을 수 없습니다({reason})</translation>
    </message>
    <message>
        <source>template &apos;{key}&apos; has no HWPX document for the {layout} layout</source>
        <translation>서식 &apos;{key}&apos;에는 {layout} 배치의 HWPX 문서가 없습니다</translation>
    </message>
    <message>
        <source>template &apos;{key}&apos;: {name} is not an HWPX document ({reason})</source>
        <translation>서식 &apos;{key}&apos;: {name}은(는) HWPX 문서가 아닙니다({reason})</translation>
    </message>
    <message>
        <source>template &apos;{key}&apos;: {name} lacks its part {part}</source>
        <translation>서식 &apos;{key}&apos;: {name}에 구성 요소 {part}이(가) 없습니다</translation>
    </message>
    <message>
        <source>template &apos;{key}&apos;: {name}: {part} is larger than the limit of {limit} MB</source>
        <translation>서식 &apos;{key}&apos;: {name}: {part}이(가) 한도 {limit} MB보다 큽니다</translation>
    </message>
    <message>
        <source>template &apos;{key}&apos;: {name}: {part} declares a DTD or XML entities, which are refused</source>
        <translation>서식 &apos;{key}&apos;: {name}: {part}에 DTD 또는 XML 엔터티 선언이 있어 거부합니다</translation>
    </message>
    <message>
        <source>template &apos;{key}&apos;: {name}: {part} is not well-formed XML (line {line}: {reason})</source>
        <translation>서식 &apos;{key}&apos;: {name}: {part}은(는) 올바른 XML이 아닙니다({line}행: {reason})</translation>
    </message>
    <message>
        <source>the Korean and English HWPX documents do not match:
{mismatches}</source>
        <translation>국문과 영문 HWPX 문서가 일치하지 않습니다:
{mismatches}</translation>
    </message>
    <message>
        <source>the {layout} HWPX document does not carry the sections and items of the DOCX:
{mismatches}</source>
        <translation>{layout} HWPX 문서의 절과 항목이 DOCX와 다릅니다:
{mismatches}</translation>
    </message>
    <message>
        <source>formats are docx and hwpx, comma-separated; not {found}</source>
        <translation>형식은 docx와 hwpx를 쉼표로 구분해 지정합니다. {found}은(는) 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>{count} item(s) are not approved: {items}. Approve them, or export a draft (every page is then marked {marking}).</source>
        <translation>승인되지 않은 항목이 {count}개 있습니다: {items}. 승인하거나 초안으로 내보내십시오(초안은 모든 쪽에 {marking} 표시).</translation>
    </message>
    <message>
        <source>{number} ({status})</source>
        <translation>{number}({status})</translation>
    </message>
    <message>
        <source>{number} (flagged for review)</source>
        <translation>{number}(검토 요청)</translation>
    </message>
    <message>
        <source>title “{text}” ({status})</source>
        <translation>제목 “{text}” ({status})</translation>
    </message>
    <message>
        <source>and {count} more</source>
        <translation>외 {count}개</translation>
    </message>
    <message>
        <source>PDF needs LibreOffice, which is not installed. Install it with: apt-get install libreoffice-writer-nogui</source>
        <translation>PDF를 만들려면 LibreOffice가 필요하나 설치되어 있지 않습니다. 설치 명령: apt-get install libreoffice-writer-nogui</translation>
    </message>
    <message>
        <source>the Korean and English documents do not match:
{mismatches}</source>
        <translation>한국어 문서와 영어 문서가 일치하지 않습니다:
{mismatches}</translation>
    </message>
    <message>
        <source>{folder}: cannot create the folder ({reason})</source>
        <translation>{folder}: 폴더를 만들 수 없습니다({reason})</translation>
    </message>
    <message>
        <source>{path}: cannot be written ({reason})</source>
        <translation>{path}: 쓸 수 없습니다({reason})</translation>
    </message>
    <message>
        <source>{name}: LibreOffice did not finish the PDF within {seconds} s</source>
        <translation>{name}: LibreOffice가 {seconds}초 안에 PDF 변환을 마치지 못했습니다</translation>
    </message>
    <message>
        <source>{name}: LibreOffice produced no PDF</source>
        <translation>{name}: LibreOffice가 PDF를 만들지 못했습니다</translation>
    </message>
    <message>
        <source>{folder} already holds {files} from an earlier export; nothing was replaced</source>
        <translation>{folder}에 이전에 내보낸 {files} 파일이 이미 있습니다. 아무것도 바꾸지 않았습니다</translation>
    </message>
    <message>
        <source>--lang takes ko, en and bilingual, comma-separated; not {found}</source>
        <translation>--lang에는 ko, en, bilingual을 쉼표로 구분하여 지정합니다. {found}은(는) 사용할 수 없습니다</translation>
    </message>
    <message>
        <source>{folder}: recovery slot {key} is locked by another process</source>
        <translation>{folder}: 복구 슬롯 {key}을(를) 다른 프로세스가 사용 중입니다</translation>
    </message>
    <message>
        <source>download cancelled; nothing was installed</source>
        <translation>내려받기를 취소했습니다. 아무것도 설치하지 않았습니다</translation>
    </message>
    <message>
        <source>{url}: the server answered {status} {reason}</source>
        <translation>{url}: 서버 응답 {status} {reason}</translation>
    </message>
    <message>
        <source>cannot reach {url} ({reason}). This machine seems to have no network: copy the .argosmodel file here from a connected machine and install it from that file.</source>
        <translation>{url}에 연결할 수 없습니다({reason}). 이 컴퓨터는 네트워크에 연결되어 있지 않은 것으로 보입니다. 연결된 컴퓨터에서 .argosmodel 파일을 복사해 와서 그 파일로 설치하십시오.</translation>
    </message>
    <message>
        <source>{url}: not a package index ({reason})</source>
        <translation>{url}: 패키지 목록이 아닙니다({reason})</translation>
    </message>
    <message>
        <source>{url}: not a package index (expected a list)</source>
        <translation>{url}: 패키지 목록이 아닙니다(목록 형식이 아님)</translation>
    </message>
    <message>
        <source>the index at {url} has no {from_code}→{to_code} package</source>
        <translation>{url}의 패키지 목록에 {from_code}→{to_code} 패키지가 없습니다</translation>
    </message>
    <message>
        <source>the index lists no download link for {from_code}→{to_code}</source>
        <translation>패키지 목록에 {from_code}→{to_code} 내려받기 링크가 없습니다</translation>
    </message>
    <message>
        <source>{url}: the download stopped after {received} of {total} bytes</source>
        <translation>{url}: {total}바이트 중 {received}바이트에서 내려받기가 중단되었습니다</translation>
    </message>
    <message>
        <source>{url}: {reason}</source>
        <translation>{url}: 내려받기 오류({reason})</translation>
    </message>
    <message>
        <source>{url}: more than {limit} MB; refused</source>
        <translation>{url}: {limit}MB를 넘어 받지 않았습니다</translation>
    </message>
    <message>
        <source>{url}: took longer than {seconds} s in all; stopped</source>
        <translation>{url}: 전체 {seconds}초를 넘겨 중단했습니다</translation>
    </message>
    <message>
        <source>the package could not be downloaded: {errors}</source>
        <translation>패키지를 내려받지 못했습니다: {errors}</translation>
    </message>
    <message>
        <source>expected a date and time with its time zone, found {found}</source>
        <translation>시간대가 있는 날짜와 시각이어야 하나 {found}입니다</translation>
    </message>
    <message>
        <source>missing: goes with {other}</source>
        <translation>누락: {other}와(과) 함께 있어야 합니다</translation>
    </message>
    <message>
        <source>an approval needs the approved source text (approved_source)</source>
        <translation>승인에는 승인된 원문(approved_source)이 필요합니다</translation>
    </message>
    <message>
        <source>only a resolved comment records who resolved it</source>
        <translation>해결된 의견에만 해결자를 기록할 수 있습니다</translation>
    </message>
    <message>
        <source>expected a reviewer&apos;s flag (by, at, reason), found {found}</source>
        <translation>검토 표시(표시자, 시각, 사유)여야 하나 {found}입니다</translation>
    </message>
    <message>
        <source>expected a waiver (check, code, key, reason, by, at), found {found}</source>
        <translation>예외 처리(check, code, key, reason, by, at)가 있어야 하는데 {found}이(가) 있습니다</translation>
    </message>
    <message>
        <source>a waiver needs a reason</source>
        <translation>예외 처리에는 사유가 필요합니다</translation>
    </message>
    <message>
        <source>the same finding is waived twice on this item (also at {other})</source>
        <translation>이 항목에서 같은 검사 결과가 두 번 예외 처리되었습니다({other}에도 있음)</translation>
    </message>
    <message>
        <source>{found} is not a QA check, message code or finding key</source>
        <translation>{found}은(는) 품질 검사 이름, 메시지 코드 또는 검사 결과 키가 아닙니다</translation>
    </message>
    <message>
        <source>contains a control character ({found}); remove it</source>
        <translation>제어 문자({found})가 들어 있습니다. 삭제하십시오</translation>
    </message>
    <message>
        <source>replies to {found}, which is not a comment of this item</source>
        <translation>이 항목의 의견이 아닌 {found}에 대한 답글입니다</translation>
    </message>
    <message>
        <source>replies in a circle: {found}</source>
        <translation>답글이 순환 참조합니다: {found}</translation>
    </message>
    <message>
        <source>expected a time of day in hours and minutes, found {found}</source>
        <translation>시와 분으로 된 시각이어야 하는데 {found}입니다</translation>
    </message>
    <message>
        <source>expected a date and time like 2024-11-08 06:00 (no time zone), found {found}</source>
        <translation>2024-11-08 06:00 형식의 일시(시간대 없이)여야 하는데 {found}입니다</translation>
    </message>
    <message>
        <source>has {found} entries; at most {limit}</source>
        <translation>항목이 {found}개입니다. 최대 {limit}개까지 가능합니다</translation>
    </message>
    <message>
        <source>{found} is not a telephone number (digits, spaces, + ( ) - . /, an extension)</source>
        <translation>{found}은(는) 전화번호가 아닙니다(숫자, 공백, + ( ) - . /, 내선 번호)</translation>
    </message>
    <message>
        <source>{found} is not an e-mail address</source>
        <translation>{found}은(는) 전자우편 주소가 아닙니다</translation>
    </message>
    <message>
        <source>the embargo ({embargo}) is before the meeting&apos;s first day ({start})</source>
        <translation>엠바고({embargo})가 회의 첫날({start})보다 이릅니다</translation>
    </message>
    <message>
        <source>the report is dated {dated}, before the meeting&apos;s first day ({start})</source>
        <translation>보고 일자({dated})가 회의 첫날({start})보다 이릅니다</translation>
    </message>
    <message>
        <source>the embargo names no clock (e.g. 한국시간 / KST)</source>
        <translation>엠바고의 기준 시각이 없습니다(예: 한국시간 / KST)</translation>
    </message>
    <message>
        <source>contains {found}, which cannot be written here; remove it</source>
        <translation>이 자리에 쓸 수 없는 문자 {found}이(가) 들어 있습니다. 지우십시오</translation>
    </message>
    <message>
        <source>is longer than {limit} characters in both languages together (a document property holds at most {limit})</source>
        <translation>두 언어를 합쳐 {limit}자를 넘습니다(문서 속성에는 최대 {limit}자까지 들어갑니다)</translation>
    </message>
    <message>
        <source>The source changed since the last approval and the translation was not revised. Approve anyway?</source>
        <translation>마지막 승인 이후 원문이 바뀌었으나 번역문은 수정되지 않았습니다. 그래도 승인하시겠습니까?</translation>
    </message>
    <message>
        <source>The source changed since the translation was made and the translation was not revised. Approve anyway?</source>
        <translation>번역 이후 원문이 바뀌었으나 번역문은 수정되지 않았습니다. 그래도 승인하시겠습니까?</translation>
    </message>
    <message>
        <source>This replaces a translation that was approved or edited by a person. Replace it?</source>
        <translation>사람이 승인하거나 수정한 번역문을 대체합니다. 대체하시겠습니까?</translation>
    </message>
    <message>
        <source>{count} of the {total} items have a translation that was approved or edited by a person. Replace those too, or skip them?</source>
        <translation>항목 {total}개 중 {count}개는 사람이 승인하거나 수정한 번역문입니다. 이 항목도 대체하시겠습니까, 아니면 건너뛰시겠습니까?</translation>
    </message>
    <message>
        <source>{path}: not saved, because the briefing would not open again ({reason}); the file on disk is unchanged</source>
        <translation>{path}: 저장하지 않았습니다. 저장하면 다시 열 수 없는 브리핑입니다({reason}). 디스크의 파일은 그대로입니다</translation>
    </message>
    <message>
        <source>{count} QA error(s) are not waived: {items}. Correct them, waive them with a reason, or export a draft.</source>
        <translation>예외 처리되지 않은 품질 검사 오류가 {count}개 있습니다: {items}. 오류를 고치거나, 사유를 적어 예외 처리하거나, 초안으로 내보내십시오.</translation>
    </message>
    <message>
        <source>{number} {check}: {message}</source>
        <translation>{number}항({check} 검사): {message}</translation>
    </message>
    <message>
        <source>--findings appends the QA findings to a draft only; add --draft</source>
        <translation>--findings는 초안에만 품질 검사 결과를 덧붙입니다. --draft를 함께 지정하십시오</translation>
    </message>
    <message>
        <source>the change was not made: {reason}</source>
        <translation>변경하지 않았습니다: {reason}</translation>
    </message>
    <message>
        <source>the change was not made: {what} {ident} is not in the briefing</source>
        <translation>변경하지 않았습니다: 브리핑에 {what} {ident}이(가) 없습니다</translation>
    </message>
    <message>
        <source>the item is not marked for review</source>
        <translation>검토 요청된 항목이 아닙니다</translation>
    </message>
    <message>
        <source>the regular expression is not valid: {reason}</source>
        <translation>정규식이 올바르지 않습니다: {reason}</translation>
    </message>
    <message>
        <source>the regular expression took too long to match (over {ms} ms): make it simpler</source>
        <translation>정규식 검색 시간이 너무 깁니다({ms}ms 초과). 더 간단하게 고치십시오</translation>
    </message>
    <message>
        <source>the search text is too long ({length} characters, at most {limit})</source>
        <translation>검색어가 너무 깁니다({length}자, 최대 {limit}자)</translation>
    </message>
    <message>
        <source>a waiver needs a reason: say why the finding is acceptable</source>
        <translation>예외 처리에는 사유가 필요합니다. 이 검사 결과를 수용할 수 있는 이유를 적으십시오</translation>
    </message>
    <message>
        <source>the finding is about another item ({found}), not this one</source>
        <translation>이 검사 결과는 이 항목이 아니라 다른 항목({found})에 관한 것입니다</translation>
    </message>
    <message>
        <source>a finding about the whole briefing cannot be waived yet</source>
        <translation>브리핑 전체에 관한 검사 결과는 아직 예외 처리할 수 없습니다</translation>
    </message>
    <message>
        <source>this finding is already waived on the item</source>
        <translation>이 검사 결과는 이 항목에서 이미 예외 처리되었습니다</translation>
    </message>
    <message>
        <source>the item has no waiver {key}</source>
        <translation>이 항목에는 예외 처리 {key}이(가) 없습니다</translation>
    </message>
    <message>
        <source>{key} is not a setting; the settings are: {names}</source>
        <translation>{key}은(는) 설정 항목이 아닙니다. 설정 항목: {names}</translation>
    </message>
    <message>
        <source>{key} cannot be {value}; allowed: {allowed}</source>
        <translation>{key}에 {value}을(를) 지정할 수 없습니다. 허용 값: {allowed}</translation>
    </message>
    <message>
        <source>{file}: {key} = {value} is not allowed (allowed: {allowed}); the default, {default}, is used</source>
        <translation>{file}: {key} = {value}은(는) 허용되지 않는 값입니다(허용 값: {allowed}). 기본값 {default}을(를) 적용합니다.</translation>
    </message>
    <message>
        <source>{file}: {key} is not a setting and is ignored</source>
        <translation>{file}: {key}은(는) 설정 항목이 아니므로 무시합니다.</translation>
    </message>
    <message>
        <source>{file} cannot be read ({reason}); the default settings are used, and the file will be kept aside when settings are next saved</source>
        <translation>{file}을(를) 읽을 수 없습니다({reason}). 기본 설정을 적용하며, 다음에 설정을 저장할 때 이 파일은 따로 보관합니다.</translation>
    </message>
    <message>
        <source>{file} was written by a newer Briefing Studio (settings version {version}); the settings this version knows are used</source>
        <translation>{file}은(는) 더 새로운 버전의 Briefing Studio에서 작성되었습니다(설정 버전 {version}). 이 버전에서 인식하는 설정만 적용합니다.</translation>
    </message>
    <message>
        <source>{file} had problems; it was kept as {kept} before the settings were saved</source>
        <translation>{file}에 문제가 있어 설정을 저장하기 전에 {kept}(으)로 보관하였습니다.</translation>
    </message>
    <message>
        <source>settings were copied from {old} into {file}</source>
        <translation>{old}의 설정을 {file}(으)로 옮겼습니다.</translation>
    </message>
    <message>
        <source>{file}: settings not saved ({reason})</source>
        <translation>{file}: 설정을 저장하지 못했습니다({reason}).</translation>
    </message>
    <message>
        <source>{path}: there is no translation memory here</source>
        <translation>{path}: 이곳에 번역 메모리가 없습니다</translation>
    </message>
    <message>
        <source>{path}: the translation memory is damaged ({reason})</source>
        <translation>{path}: 번역 메모리가 손상되었습니다({reason})</translation>
    </message>
    <message>
        <source>{path}: not a Briefing Studio translation memory ({reason})</source>
        <translation>{path}: Briefing Studio 번역 메모리가 아닙니다({reason})</translation>
    </message>
    <message>
        <source>{path}: the translation memory was written by a newer Briefing Studio (memory version {version}, this one reads up to {supported})</source>
        <translation>{path}: 더 새로운 Briefing Studio에서 만든 번역 메모리입니다(메모리 버전 {version}, 이 버전은 {supported}까지 읽을 수 있습니다)</translation>
    </message>
    <message>
        <source>{path}: the translation memory is in use by another program; try again in a moment</source>
        <translation>{path}: 다른 프로그램이 번역 메모리를 사용 중입니다. 잠시 후 다시 시도하십시오</translation>
    </message>
    <message>
        <source>{path}: the translation memory is read-only ({reason})</source>
        <translation>{path}: 번역 메모리가 읽기 전용입니다({reason})</translation>
    </message>
    <message>
        <source>{path}: cannot create a translation memory here ({reason})</source>
        <translation>{path}: 이곳에 번역 메모리를 만들 수 없습니다({reason})</translation>
    </message>
    <message>
        <source>{path}: a file is already there</source>
        <translation>{path}: 이미 파일이 있습니다</translation>
    </message>
    <message>
        <source>{path}: the file is {size} MB; translation memories up to {limit} MB can be imported</source>
        <translation>{path}: 파일 크기가 {size}MB입니다. {limit}MB까지의 번역 메모리만 가져올 수 있습니다</translation>
    </message>
    <message>
        <source>{path}, line {line}: not well-formed TMX ({reason})</source>
        <translation>{path}, {line}행: 올바른 형식의 TMX가 아닙니다({reason})</translation>
    </message>
    <message>
        <source>{path}, line {line}: the file declares a DTD of its own (&lt;!DOCTYPE … [ … ]&gt;), which can hide entity tricks; it is not imported</source>
        <translation>{path}, {line}행: 파일에 자체 DTD(&lt;!DOCTYPE … [ … ]&gt;)가 선언되어 있어 엔터티를 악용할 수 있으므로 가져오지 않습니다</translation>
    </message>
    <message>
        <source>{path}: not a TMX file (the root element is &lt;{root}&gt;)</source>
        <translation>{path}: TMX 파일이 아닙니다(루트 요소가 &lt;{root}&gt;입니다)</translation>
    </message>
    <message>
        <source>{path}: no &lt;tu&gt; has both a Korean and an English segment (languages found: {languages})</source>
        <translation>{path}: 한국어와 영어 세그먼트를 모두 가진 &lt;tu&gt;가 없습니다(발견된 언어: {languages})</translation>
    </message>
    <message>
        <source>tu {tu} (line {line}): {reason}</source>
        <translation>tu {tu}({line}행): {reason}</translation>
    </message>
    <message>
        <source>no segment in {language}</source>
        <translation>{language} 세그먼트가 없음</translation>
    </message>
    <message>
        <source>unknown language {language}</source>
        <translation>알 수 없는 언어 {language}</translation>
    </message>
    <message>
        <source>an empty segment</source>
        <translation>빈 세그먼트</translation>
    </message>
    <message>
        <source>already in the memory</source>
        <translation>이미 메모리에 있음</translation>
    </message>
    <message>
        <source>{path}: cannot write the TMX file ({reason})</source>
        <translation>{path}: TMX 파일을 쓸 수 없습니다({reason})</translation>
    </message>
    <message>
        <source>{path}: the file is {size} MB; review files up to {limit} MB can be imported</source>
        <translation>{path}: 파일 크기가 {size} MB입니다. 검토 파일은 {limit} MB까지 가져올 수 있습니다</translation>
    </message>
    <message>
        <source>{path}: cannot write the file ({reason})</source>
        <translation>{path}: 파일을 쓸 수 없습니다 ({reason})</translation>
    </message>
    <message>
        <source>{path}: the file was exported from another briefing ({found}), not from this one ({wanted})</source>
        <translation>{path}: 이 브리핑({wanted})이 아닌 다른 브리핑({found})에서 내보낸 파일입니다</translation>
    </message>
    <message>
        <source>{path}: the file does not say which briefing it was exported from</source>
        <translation>{path}: 어느 브리핑에서 내보낸 파일인지 알 수 없습니다</translation>
    </message>
    <message>
        <source>{path}, {where}: no item with id &apos;{item}&apos; in the briefing</source>
        <translation>{path}, {where}: 브리핑에 ID가 &apos;{item}&apos;인 항목이 없습니다</translation>
    </message>
    <message>
        <source>{path}, {where}: item &apos;{item}&apos; appears twice in the file</source>
        <translation>{path}, {where}: 항목 &apos;{item}&apos;이(가) 파일에 두 번 나옵니다</translation>
    </message>
    <message>
        <source>the briefing has no items whose source is {language} to export</source>
        <translation>원문 언어가 {language}인 항목이 없어 내보낼 것이 없습니다</translation>
    </message>
    <message>
        <source>{where}: the source was changed in the briefing since the export; nothing from it was taken</source>
        <translation>{where}: 내보낸 뒤 브리핑에서 원문이 바뀌었습니다. 이 부분은 가져오지 않았습니다</translation>
    </message>
    <message>
        <source>{where}: the source was edited in the file; a source is changed only in the briefing, so nothing from it was taken</source>
        <translation>{where}: 파일에서 원문이 수정되었습니다. 원문은 브리핑에서만 바꿀 수 있으므로 이 부분은 가져오지 않았습니다</translation>
    </message>
    <message>
        <source>{where}: the row of item {number} was deleted from the file; the item was left as it is</source>
        <translation>{where}: 파일에서 항목 {number}의 행이 삭제되었습니다. 항목은 그대로 두었습니다</translation>
    </message>
    <message>
        <source>{where}: the status &apos;{found}&apos; is not one of: {choices}; the status was left as it is</source>
        <translation>{where}: 상태 &apos;{found}&apos;은(는) 다음 중 하나가 아닙니다: {choices}. 상태는 그대로 두었습니다</translation>
    </message>
    <message>
        <source>{where}: not approved ({reason})</source>
        <translation>{where}: 승인하지 않았습니다 ({reason})</translation>
    </message>
    <message>
        <source>{where}: the target was changed both in the file and in the briefing since the export; nothing from it was taken</source>
        <translation>{where}: 내보낸 뒤 번역문이 파일과 브리핑 양쪽에서 바뀌었습니다. 이 부분은 가져오지 않았습니다</translation>
    </message>
    <message>
        <source>the reviewer set the state to &apos;{state}&apos; in the review file</source>
        <translation>검토자가 검토 파일에서 상태를 &apos;{state}&apos;(으)로 바꿨습니다</translation>
    </message>
    <message>
        <source>{path}, line {line}: not well-formed XML ({reason})</source>
        <translation>{path}, {line}행: 올바른 XML이 아닙니다 ({reason})</translation>
    </message>
    <message>
        <source>{path}: not an XLIFF 2 file (the root element is &lt;{root}&gt;, version {version})</source>
        <translation>{path}: XLIFF 2 파일이 아닙니다 (최상위 요소 &lt;{root}&gt;, 버전 {version})</translation>
    </message>
    <message>
        <source>{path}, {where}: the unit cannot be read ({reason})</source>
        <translation>{path}, {where}: 단위를 읽을 수 없습니다 ({reason})</translation>
    </message>
    <message>
        <source>a unit without an id</source>
        <translation>ID가 없는 단위</translation>
    </message>
    <message>
        <source>an inline code refers to original data &apos;{ref}&apos; that the unit does not have</source>
        <translation>인라인 코드가 단위에 없는 원본 데이터 &apos;{ref}&apos;을(를) 가리킵니다</translation>
    </message>
    <message>
        <source>&lt;cp hex=&quot;{hex}&quot;&gt; is not a character</source>
        <translation>&lt;cp hex=&quot;{hex}&quot;&gt;은(는) 문자가 아닙니다</translation>
    </message>
    <message>
        <source>{path}: not a DOCX file (not a zip archive)</source>
        <translation>{path}: DOCX 파일이 아닙니다 (zip 압축 파일이 아님)</translation>
    </message>
    <message>
        <source>{path}: not a DOCX file (it has no {part})</source>
        <translation>{path}: DOCX 파일이 아닙니다 ({part} 없음)</translation>
    </message>
    <message>
        <source>{path}: the part {part} unpacks to {size} MB (limit {limit} MB); the file is not opened</source>
        <translation>{path}: {part} 부분의 압축을 풀면 {size} MB입니다 (한도 {limit} MB). 파일을 열지 않았습니다</translation>
    </message>
    <message>
        <source>{path}: {part} declares a DTD (&lt;!DOCTYPE …&gt;), which can hide entity tricks; it is not imported</source>
        <translation>{path}: {part}에 DTD(&lt;!DOCTYPE …&gt;)가 선언되어 있어 엔티티 공격이 숨어 있을 수 있으므로 가져오지 않습니다</translation>
    </message>
    <message>
        <source>{path}: the document cannot be read ({reason})</source>
        <translation>{path}: 문서를 읽을 수 없습니다 ({reason})</translation>
    </message>
    <message>
        <source>{path}: no review table rows found (was the file exported as a review DOCX?)</source>
        <translation>{path}: 검토 표의 행이 없습니다 (검토용 DOCX로 내보낸 파일입니까?)</translation>
    </message>
    <message>
        <source>{path}: there is no earlier version to compare with ({backup} is written when the file is saved again); name two files</source>
        <translation>{path}: 비교할 이전 판이 없습니다(파일을 다시 저장하면 {backup}이(가) 만들어집니다). 파일 두 개를 지정하십시오</translation>
    </message>
    <message>
        <source>{path}: is one of the briefings compared; write the DOCX to another file</source>
        <translation>{path}: 비교 대상 브리핑 파일입니다. DOCX는 다른 파일에 저장하십시오</translation>
    </message>
    <message>
        <source>termbase {path} does not exist</source>
        <translation>용어집 {path}이(가) 없습니다</translation>
    </message>
    <message>
        <source>termbase {path} already exists</source>
        <translation>용어집 {path}이(가) 이미 있습니다</translation>
    </message>
    <message>
        <source>termbase {path} is damaged or not a termbase ({reason})</source>
        <translation>용어집 {path}이(가) 손상되었거나 용어집 파일이 아닙니다({reason})</translation>
    </message>
    <message>
        <source>termbase {path} was written by a newer Briefing Studio (termbase version {version}; this one reads up to {supported})</source>
        <translation>용어집 {path}은(는) 더 새로운 Briefing Studio에서 저장되었습니다(용어집 버전 {version}, 이 버전은 {supported}까지 읽음)</translation>
    </message>
    <message>
        <source>termbase {path} is locked by another program; try again when it is closed</source>
        <translation>용어집 {path}을(를) 다른 프로그램이 사용 중입니다. 그 프로그램을 닫은 뒤 다시 시도하십시오</translation>
    </message>
    <message>
        <source>termbase {path} is read-only; its entries cannot be changed</source>
        <translation>용어집 {path}은(는) 읽기 전용이라 항목을 바꿀 수 없습니다</translation>
    </message>
    <message>
        <source>termbase {path} cannot be opened ({reason})</source>
        <translation>용어집 {path}을(를) 열 수 없습니다({reason})</translation>
    </message>
    <message>
        <source>termbase {name} has no entry &apos;{id}&apos;</source>
        <translation>용어집 {name}에 &apos;{id}&apos; 항목이 없습니다</translation>
    </message>
    <message>
        <source>termbase {name} already has an entry &apos;{id}&apos;</source>
        <translation>용어집 {name}에 &apos;{id}&apos; 항목이 이미 있습니다</translation>
    </message>
    <message>
        <source>an entry needs at least one term with some text</source>
        <translation>항목에는 내용이 있는 용어가 하나 이상 있어야 합니다</translation>
    </message>
    <message>
        <source>the shipped termbase {path} is missing; reinstall Briefing Studio</source>
        <translation>기본 제공 용어집 {path}이(가) 없습니다. Briefing Studio를 다시 설치하십시오</translation>
    </message>
    <message>
        <source>the shipped termbase {path}, line {line}: {reason}</source>
        <translation>기본 제공 용어집 {path}, {line}행: {reason}</translation>
    </message>
    <message>
        <source>{file} is larger than {limit} MB, which no glossary is</source>
        <translation>{file}은(는) {limit}MB보다 커서 용어집 파일로 볼 수 없습니다</translation>
    </message>
    <message>
        <source>{file} is not UTF-8 text, or UTF-16 with a byte order mark ({reason})</source>
        <translation>{file}은(는) UTF-8 또는 BOM이 있는 UTF-16 텍스트가 아닙니다({reason})</translation>
    </message>
    <message>
        <source>{file}, line {line}: not well-formed XML ({reason})</source>
        <translation>{file}, {line}행: 올바른 XML이 아닙니다({reason})</translation>
    </message>
    <message>
        <source>{file}: entity declarations and external references are refused; they can expand without limit or read other files</source>
        <translation>{file}: 엔티티 선언과 외부 참조는 받지 않습니다. 끝없이 확장되거나 다른 파일을 읽을 수 있기 때문입니다</translation>
    </message>
    <message>
        <source>{file}: not a TBX file (the root element is &lt;{root}&gt;)</source>
        <translation>{file}: TBX 파일이 아닙니다(최상위 요소가 &lt;{root}&gt;임)</translation>
    </message>
    <message>
        <source>{file}, line {line}: the language &apos;{language}&apos; is neither Korean nor English</source>
        <translation>{file}, {line}행: &apos;{language}&apos; 언어는 한국어도 영어도 아닙니다</translation>
    </message>
    <message>
        <source>{file}, line {line}: the entry id &apos;{id}&apos; is used twice</source>
        <translation>{file}, {line}행: 항목 ID &apos;{id}&apos;이(가) 두 번 쓰였습니다</translation>
    </message>
    <message>
        <source>{file}: unknown glossary format; use .tbx, .csv, .tsv, .txt or .utf8</source>
        <translation>{file}: 알 수 없는 용어집 형식입니다. .tbx, .csv, .tsv, .txt, .utf8 중 하나를 쓰십시오</translation>
    </message>
    <message>
        <source>{file} cannot be read ({reason})</source>
        <translation>{file}을(를) 읽을 수 없습니다({reason})</translation>
    </message>
    <message>
        <source>{file} cannot be written ({reason})</source>
        <translation>{file}에 쓸 수 없습니다({reason})</translation>
    </message>
    <message>
        <source>{file}, line {line}: {reason}</source>
        <translation>{file}, {line}행: {reason}</translation>
    </message>
    <message>
        <source>no term in this language pair</source>
        <translation>이 언어 쌍의 용어가 없음</translation>
    </message>
    <message>
        <source>already in the termbase</source>
        <translation>이미 용어집에 있음</translation>
    </message>
    <message>
        <source>the same row again</source>
        <translation>같은 행의 반복</translation>
    </message>
    <message>
        <source>there is no termbase called {name}; the termbases are: {names}</source>
        <translation>{name}(이)라는 용어집은 없습니다. 용어집: {names}</translation>
    </message>
    <message>
        <source>the acronym &quot;{acronym}&quot; is in the source only</source>
        <translation>약어 &quot;{acronym}&quot;이(가) 원문에만 있습니다</translation>
    </message>
    <message>
        <source>the acronym &quot;{acronym}&quot; is in the translation only</source>
        <translation>약어 &quot;{acronym}&quot;이(가) 번역문에만 있습니다</translation>
    </message>
    <message>
        <source>the source has text but the translation is empty</source>
        <translation>원문은 있으나 번역문이 비어 있습니다</translation>
    </message>
    <message>
        <source>the translation is still in the source&apos;s language</source>
        <translation>번역문이 아직 원문 언어로 되어 있습니다</translation>
    </message>
    <message>
        <source>the English translation still has Korean in it: &quot;{found}&quot;</source>
        <translation>영문 번역에 한국어가 남아 있습니다: &quot;{found}&quot;</translation>
    </message>
    <message>
        <source>the translation is the same as the source</source>
        <translation>번역문이 원문과 같습니다</translation>
    </message>
    <message>
        <source>the source has {source_count} sentences, the translation {target_count}</source>
        <translation>원문은 {source_count}문장, 번역문은 {target_count}문장입니다</translation>
    </message>
    <message>
        <source>the English has {ratio} letters per Korean letter; pairs usually have {low} to {high}</source>
        <translation>영문 글자 수가 한글 글자 수의 {ratio}배입니다. 보통은 {low}~{high}배입니다</translation>
    </message>
    <message>
        <source>a placeholder &quot;{found}&quot; was left in the text</source>
        <translation>자리표시자 &quot;{found}&quot;이(가) 텍스트에 남아 있습니다</translation>
    </message>
    <message>
        <source>the source has {source_count} emphasised parts, the translation {target_count}</source>
        <translation>강조 부분이 원문에 {source_count}개, 번역문에 {target_count}개 있습니다</translation>
    </message>
    <message>
        <source>the source has {source_count} links, the translation {target_count}</source>
        <translation>링크가 원문에 {source_count}개, 번역문에 {target_count}개 있습니다</translation>
    </message>
    <message>
        <source>the source has {source_count} list items, the translation {target_count}</source>
        <translation>목록 항목이 원문에 {source_count}개, 번역문에 {target_count}개 있습니다</translation>
    </message>
    <message>
        <source>the source has {source_count} lines, the translation {target_count}</source>
        <translation>원문은 {source_count}줄, 번역문은 {target_count}줄입니다</translation>
    </message>
    <message>
        <source>the translation opens &quot;{marker}&quot; and never closes it</source>
        <translation>번역문에서 &quot;{marker}&quot;이(가) 열리고 닫히지 않았습니다</translation>
    </message>
    <message>
        <source>the source says &quot;{source}&quot; ({source_value}) where the translation says &quot;{target}&quot; ({target_value})</source>
        <translation>원문은 &quot;{source}&quot;({source_value})인데 번역문은 &quot;{target}&quot;({target_value})입니다</translation>
    </message>
    <message>
        <source>the source says &quot;{source}&quot; ({source_value}); the translation does not</source>
        <translation>원문의 &quot;{source}&quot;({source_value})이(가) 번역문에 없습니다</translation>
    </message>
    <message>
        <source>the translation says &quot;{target}&quot; ({target_value}); the source does not</source>
        <translation>번역문의 &quot;{target}&quot;({target_value})이(가) 원문에 없습니다</translation>
    </message>
    <message>
        <source>approved, but the source changed after the approval</source>
        <translation>승인되었으나 승인 후 원문이 바뀌었습니다</translation>
    </message>
    <message>
        <source>the source changed after the translation was made; it needs another look</source>
        <translation>번역 후 원문이 바뀌었습니다. 다시 검토해야 합니다</translation>
    </message>
    <message>
        <source>machine translation that nobody has reviewed</source>
        <translation>아무도 검토하지 않은 기계 번역입니다</translation>
    </message>
    <message>
        <source>filled from the translation memory and not reviewed</source>
        <translation>번역 메모리에서 채워졌고 검토되지 않았습니다</translation>
    </message>
    <message>
        <source>{count} comment(s) still open</source>
        <translation>해결되지 않은 댓글이 {count}개 있습니다</translation>
    </message>
    <message>
        <source>flagged for review</source>
        <translation>검토 요청 표시가 되어 있습니다</translation>
    </message>
    <message>
        <source>the title “{text}” has no translation</source>
        <translation>제목 “{text}”에 번역이 없습니다</translation>
    </message>
    <message>
        <source>the title “{text}” is a machine translation that nobody has reviewed</source>
        <translation>제목 “{text}”은(는) 아무도 검토하지 않은 기계 번역입니다</translation>
    </message>
    <message>
        <source>the title “{text}” needs another look</source>
        <translation>제목 “{text}”을(를) 다시 검토해야 합니다</translation>
    </message>
    <message>
        <source>&quot;{source_term}&quot; is usually &quot;{expected}&quot;; the translation has no rendering of it</source>
        <translation>&quot;{source_term}&quot;은(는) 보통 &quot;{expected}&quot;(으)로 옮깁니다. 번역문에 해당 표현이 없습니다</translation>
    </message>
    <message>
        <source>&quot;{found}&quot; should not be used; the termbase says &quot;{preferred}&quot;</source>
        <translation>&quot;{found}&quot;은(는) 쓰지 않습니다. 용어집에 따르면 &quot;{preferred}&quot;입니다</translation>
    </message>
    <message>
        <source>{date} is a {actual}, not &quot;{found}&quot;</source>
        <translation>{date}은(는) {actual}입니다. &quot;{found}&quot;이(가) 아닙니다</translation>
    </message>
    <message>
        <source>the text says the meeting was held in &quot;{found}&quot;; the meeting card says &quot;{expected}&quot;</source>
        <translation>본문에는 회의 장소가 &quot;{found}&quot;(으)로 되어 있으나 회의 카드에는 &quot;{expected}&quot;(으)로 되어 있습니다</translation>
    </message>
    <message>
        <source>&quot;{source_term}&quot; is &quot;{found}&quot; here but &quot;{first}&quot; in item {other}</source>
        <translation>&quot;{source_term}&quot;이(가) 여기서는 &quot;{found}&quot;(으)로, {other} 항목에서는 &quot;{first}&quot;(으)로 번역되었습니다</translation>
    </message>
    <message>
        <source>the QA process stopped ({reason}): {error}</source>
        <translation>검토 프로세스가 중단되었습니다({reason}): {error}</translation>
    </message>
    <message>
        <source>a QA check failed in the QA process:
{details}</source>
        <translation>검토 프로세스에서 검토 항목 하나가 실패했습니다:
{details}</translation>
    </message>
    <message>
        <source>the same source is translated differently in item {other}</source>
        <translation>같은 원문이 {other} 항목에서는 다르게 번역되었습니다</translation>
    </message>
    <message>
        <source>the same translation stands for a different source in item {other}</source>
        <translation>같은 번역문이 {other} 항목에서는 다른 원문의 번역으로 쓰였습니다</translation>
    </message>
    <message>
        <source>the translation memory translates this source as &quot;{memory}&quot;</source>
        <translation>번역 메모리에는 이 원문의 번역이 &quot;{memory}&quot;(으)로 되어 있습니다</translation>
    </message>
    <message>
        <source>the sentence ending &quot;{found}&quot; is {style}; most of the document is {usual}</source>
        <translation>문장 종결 &quot;{found}&quot;은(는) {style}입니다. 문서의 대부분은 {usual}입니다</translation>
    </message>
    <message>
        <source>the date &quot;{found}&quot; is usually written &quot;{official}&quot;</source>
        <translation>날짜 &quot;{found}&quot;은(는) 보통 &quot;{official}&quot;(으)로 씁니다</translation>
    </message>
    <message>
        <source>the text says &quot;{found}&quot;; the meeting card says session {session}</source>
        <translation>본문에는 &quot;{found}&quot;(으)로 되어 있으나 회의 정보에는 제{session}차입니다</translation>
    </message>
    <message>
        <source>the text says &quot;{found}&quot;; the meeting card says {expected}</source>
        <translation>본문에는 &quot;{found}&quot;(으)로 되어 있으나 회의 정보에는 {expected}입니다</translation>
    </message>
    <message>
        <source>&quot;{found}&quot; is on one side only; the meeting card writes it &quot;{other}&quot; on the other</source>
        <translation>&quot;{found}&quot;이(가) 한쪽에만 있습니다. 회의 정보에는 다른 쪽 표기가 &quot;{other}&quot;입니다</translation>
    </message>
    <message>
        <source>not a Word file (not a zip archive)</source>
        <translation>Word 파일이 아닙니다(zip 압축 파일이 아님)</translation>
    </message>
    <message>
        <source>larger than the {limit} MB a template may have</source>
        <translation>서식 파일 한도 {limit} MB보다 큽니다</translation>
    </message>
    <message>
        <source>{count} parts (a template may have {limit})</source>
        <translation>부분이 {count}개입니다(서식 파일 한도 {limit}개)</translation>
    </message>
    <message>
        <source>{part} unpacks to more than {limit} MB</source>
        <translation>{part}의 압축을 풀면 {limit} MB를 넘습니다</translation>
    </message>
    <message>
        <source>the part {part} is there twice</source>
        <translation>{part} 부분이 두 번 들어 있습니다</translation>
    </message>
    <message>
        <source>the part {part} is missing</source>
        <translation>{part} 부분이 없습니다</translation>
    </message>
    <message>
        <source>{part} is not well-formed XML ({reason})</source>
        <translation>{part}은(는) 올바른 XML이 아닙니다({reason})</translation>
    </message>
    <message>
        <source>{part} declares a DOCTYPE or entities, which are refused</source>
        <translation>{part}에 DOCTYPE 또는 엔터티 선언이 있어 거부합니다</translation>
    </message>
    <message>
        <source>{part} has no document body</source>
        <translation>{part}에 문서 본문이 없습니다</translation>
    </message>
    <message>
        <source>{part} has no section properties (w:sectPr: page size, header and footer)</source>
        <translation>{part}에 구역 속성(w:sectPr: 용지 크기, 머리글과 바닥글)이 없습니다</translation>
    </message>
    <message>
        <source>the zip archive is damaged ({reason})</source>
        <translation>zip 압축 파일이 손상되었습니다({reason})</translation>
    </message>
    <message>
        <source>{path}: not a format that can be imported (.txt, .md, .docx or .hwpx)</source>
        <translation>{path}: 가져올 수 있는 형식이 아닙니다(.txt, .md, .docx, .hwpx)</translation>
    </message>
    <message>
        <source>{path}: binary data, not text (no encoding reads it)</source>
        <translation>{path}: 텍스트가 아닌 바이너리 데이터입니다(어떤 인코딩으로도 읽을 수 없음)</translation>
    </message>
    <message>
        <source>{path}: larger than the {limit} MB an imported document may have</source>
        <translation>{path}: 가져올 수 있는 문서의 최대 크기 {limit} MB를 넘습니다</translation>
    </message>
    <message>
        <source>{path}: a password-protected document or an old Word .doc, not a .docx; save it unprotected as .docx first</source>
        <translation>{path}: 암호로 보호된 문서이거나 이전 Word .doc 파일이며 .docx가 아닙니다. 암호 없이 .docx로 저장한 뒤 가져오십시오</translation>
    </message>
    <message>
        <source>{path}: a password-protected HWPX document or an HWP 5 (.hwp) file, not a readable .hwpx; save it unprotected as .hwpx first</source>
        <translation>{path}: 암호가 걸린 HWPX 문서이거나 HWP 5(.hwp) 파일이라 읽을 수 있는 .hwpx가 아닙니다. 암호를 풀어 .hwpx로 먼저 저장하십시오</translation>
    </message>
    <message>
        <source>not a zip archive</source>
        <translation>zip 압축 파일이 아닙니다</translation>
    </message>
    <message>
        <source>{count} parts, more than the {limit} a document may have</source>
        <translation>구성 요소가 {count}개로, 문서에 허용되는 {limit}개를 넘습니다</translation>
    </message>
    <message>
        <source>its parts unpack to more than {limit} MB</source>
        <translation>압축을 풀면 {limit} MB를 넘습니다</translation>
    </message>
    <message>
        <source>{part} declares a DOCTYPE or XML entities, which are refused</source>
        <translation>{part}에 DOCTYPE 또는 XML 엔터티 선언이 있어 거부합니다</translation>
    </message>
    <message>
        <source>{path}: there is no text to import</source>
        <translation>{path}: 가져올 텍스트가 없습니다</translation>
    </message>
    <message>
        <source>{path}: already exists; add --force to replace it</source>
        <translation>{path}: 이미 있습니다. 바꾸려면 --force를 붙이십시오</translation>
    </message>
    <message>
        <source>{first} and {second} are in the same language ({language}): a bilingual import needs a Korean and an English version</source>
        <translation>{first}와(과) {second}의 언어가 같습니다({language}). 이중 언어 가져오기에는 한국어판과 영어판이 필요합니다</translation>
    </message>
    <message>
        <source>{first} and {second} cannot be paired: pair an unpaired Korean item with an unpaired English item</source>
        <translation>{first}와(과) {second}은(는) 짝지을 수 없습니다. 짝이 없는 한국어 항목과 짝이 없는 영어 항목을 짝지으십시오</translation>
    </message>
    <message>
        <source>{id}: not an aligned pair of this import</source>
        <translation>{id}: 이 가져오기에서 정렬된 쌍이 아닙니다</translation>
    </message>
    <message>
        <source>--to-memory needs two documents, a Korean and an English version of the same one</source>
        <translation>--to-memory에는 같은 문서의 한국어판과 영어판, 두 문서가 필요합니다</translation>
    </message>
    <message>
        <source>{path}: not a regular file (a pipe, a device or a socket); only files are read</source>
        <translation>{path}: 일반 파일이 아닙니다(파이프, 장치 또는 소켓). 파일만 읽습니다</translation>
    </message>
    <message>
        <source>{path}: larger than {limit} MB; not read</source>
        <translation>{path}: {limit} MB보다 커서 읽지 않았습니다</translation>
    </message>
    <message>
        <source>{path}: is a link (to {target}); nothing is written through a link. Save to the file itself, or under another name</source>
        <translation>{path}: 링크입니다({target}을(를) 가리킴). 링크를 통해서는 아무것도 쓰지 않습니다. 원본 파일에 직접 저장하거나 다른 이름으로 저장하십시오</translation>
    </message>
    <message>
        <source>{path}: the file is read-only, so it is not replaced. Save under another name, or make the file writable first</source>
        <translation>{path}: 읽기 전용 파일이므로 바꾸지 않았습니다. 다른 이름으로 저장하거나 먼저 파일을 쓰기 가능하게 하십시오</translation>
    </message>
    <message>
        <source>{path}: not a regular file (a pipe, a device or a socket); nothing is written there</source>
        <translation>{path}: 일반 파일이 아닙니다(파이프, 장치 또는 소켓). 그곳에는 아무것도 쓰지 않습니다</translation>
    </message>
    <message>
        <source>{where}: {name} cannot be used ({reason})</source>
        <translation>{where}: {name}을(를) 사용할 수 없습니다({reason})</translation>
    </message>
    <message>
        <source>template &apos;{key}&apos;: {name}: external links and macros were stripped from the copy the export uses: {stripped}</source>
        <translation>서식 &apos;{key}&apos;: {name}: 내보내기에 쓰는 사본에서 외부 링크와 매크로를 제거했습니다: {stripped}</translation>
    </message>
    <message>
        <source>{where}: the cleaned copy of {name} cannot be written ({reason})</source>
        <translation>{where}: 정리한 {name} 사본을 쓸 수 없습니다({reason})</translation>
    </message>
    <message>
        <source>{path}: is a link; an export never writes through a link (remove it, or export into another folder)</source>
        <translation>{path}: 링크입니다. 내보내기는 링크를 통해 쓰지 않습니다(링크를 지우거나 다른 폴더로 내보내십시오)</translation>
    </message>
    <message>
        <source>{folder}: the pack could not be put in place ({reason}); its earlier files may be gone. Export again</source>
        <translation>{folder}: 문서 묶음을 제자리에 놓지 못했습니다({reason}). 이전 파일이 없어졌을 수 있습니다. 다시 내보내십시오</translation>
    </message>
    <message>
        <source>{manifest}: missing: the export of this pack did not finish</source>
        <translation>{manifest}: 없습니다. 이 문서 묶음의 내보내기가 끝나지 않았습니다</translation>
    </message>
    <message>
        <source>{manifest}: not a pack manifest ({reason})</source>
        <translation>{manifest}: 문서 묶음 목록 파일이 아닙니다({reason})</translation>
    </message>
    <message>
        <source>{file}: listed in the manifest but missing</source>
        <translation>{file}: 목록에는 있으나 파일이 없습니다</translation>
    </message>
    <message>
        <source>{file}: a link or not a regular file</source>
        <translation>{file}: 링크이거나 일반 파일이 아닙니다</translation>
    </message>
    <message>
        <source>{file}: its contents are not what the manifest lists (SHA-256 differs)</source>
        <translation>{file}: 내용이 목록과 다릅니다(SHA-256 불일치)</translation>
    </message>
    <message>
        <source>{folder}: an export of this pack was interrupted (its staging folder is still there)</source>
        <translation>{folder}: 이 문서 묶음의 내보내기가 중단되었습니다(준비 폴더가 남아 있음)</translation>
    </message>
    <message>
        <source>{file}: not listed in the manifest (left by an earlier export)</source>
        <translation>{file}: 목록에 없는 파일입니다(이전 내보내기에서 남음)</translation>
    </message>
    <message>
        <source>{file}: its copy of {member} differs from the pack&apos;s file</source>
        <translation>{file}: 그 안의 {member} 사본이 문서 묶음의 파일과 다릅니다</translation>
    </message>
    <message>
        <source>{path}: a recovery copy that cannot be opened here ({reason}); left as it is</source>
        <translation>{path}: 여기서 열 수 없는 복구 사본입니다({reason}). 그대로 두었습니다</translation>
    </message>
    <message>
        <source>{address} is not a PostgreSQL store address (postgresql://user@host:port/database)</source>
        <translation>{address}은(는) PostgreSQL 저장소 주소가 아닙니다 (postgresql://사용자@호스트:포트/데이터베이스)</translation>
    </message>
    <message>
        <source>entry &apos;{id}&apos; was changed by {who} at {when} after you read it; your change was not saved: reload the entry and make it again</source>
        <translation>항목 &apos;{id}&apos;을(를) 읽은 뒤 {who}이(가) {when}에 바꾸었습니다. 변경 내용이 저장되지 않았습니다. 항목을 다시 불러와 다시 고치십시오</translation>
    </message>
    <message>
        <source>the connection to the office store {address} was lost ({reason}); the change was not saved</source>
        <translation>사무실 저장소 {address}와(과)의 연결이 끊겼습니다 ({reason}). 변경 내용은 저장되지 않았습니다</translation>
    </message>
    <message>
        <source>the office store {address} has no room left on its server; the change was not saved</source>
        <translation>사무실 저장소 {address}의 서버에 남은 공간이 없습니다. 변경 내용은 저장되지 않았습니다</translation>
    </message>
    <message>
        <source>the office store {address} refused the request ({reason})</source>
        <translation>사무실 저장소 {address}이(가) 요청을 거부했습니다 ({reason})</translation>
    </message>
    <message>
        <source>the office store {address} was written by a newer Briefing Studio (store version {version}; this one reads up to {supported})</source>
        <translation>사무실 저장소 {address}은(는) 더 새로운 Briefing Studio가 기록했습니다 (저장소 버전 {version}, 이 버전은 {supported}까지 읽을 수 있음)</translation>
    </message>
    <message>
        <source>the office store {address} cannot index Korean text (its character type is {ctype}); create the database with a UTF-8 locale such as C.UTF-8</source>
        <translation>사무실 저장소 {address}은(는) 한국어 텍스트를 색인할 수 없습니다 (문자 유형 {ctype}). C.UTF-8 같은 UTF-8 로캘로 데이터베이스를 만드십시오</translation>
    </message>
    <message>
        <source>no office store is chosen (the office_store setting or {variable})</source>
        <translation>선택된 사무실 저장소가 없습니다 (office_store 설정 또는 {variable})</translation>
    </message>
    <message>
        <source>the queue of changes made away from the office store, {path}, cannot be read ({reason}); it was left as it is</source>
        <translation>사무실 저장소 밖에서 만든 변경 대기열 {path}을(를) 읽을 수 없습니다 ({reason}). 파일은 그대로 두었습니다</translation>
    </message>
    <message>
        <source>the local copy of the office store was made by an older Briefing Studio and does not know which version of entry &apos;{id}&apos; you read; run `briefing-studio store sync` once on the office network before editing office entries away from it</source>
        <translation>사무실 저장소의 로컬 사본은 이전 버전의 Briefing Studio가 만든 것이라 항목 &apos;{id}&apos;을(를) 어느 버전에서 읽었는지 알 수 없습니다. 사무실 네트워크에서 `briefing-studio store sync`를 한 번 실행한 뒤 밖에서 사무실 항목을 편집하십시오</translation>
    </message>
    <message>
        <source>no change to entry &apos;{id}&apos; is waiting to be sent</source>
        <translation>항목 &apos;{id}&apos;에 대해 보낼 변경이 대기 중이지 않습니다</translation>
    </message>
    <message>
        <source>your change to entry &apos;{id}&apos; made away from the office store was not sent: {who} changed it at {when} after your copy was made (yours: {mine}; the office&apos;s: {theirs}); it stays in the queue: `briefing-studio store resolve {id} --mine` sends yours over theirs, `--theirs` drops yours</source>
        <translation>사무실 저장소 밖에서 항목 &apos;{id}&apos;을(를) 고친 내용을 보내지 않았습니다. 사본을 만든 뒤 {who}이(가) {when}에 이 항목을 고쳤습니다 (내 것: {mine}, 사무실: {theirs}). 변경은 대기열에 남아 있습니다. `briefing-studio store resolve {id} --mine`은 내 것을 덮어 보내고, `--theirs`는 내 변경을 버립니다</translation>
    </message>
    <message>
        <source>your deletion of entry &apos;{id}&apos; ({mine}) made away from the office store was not sent: {who} changed it at {when} to {theirs}; it stays in the queue: `briefing-studio store resolve {id} --mine` deletes it all the same, `--theirs` keeps their entry</source>
        <translation>사무실 저장소 밖에서 항목 &apos;{id}&apos;({mine})을(를) 삭제한 내용을 보내지 않았습니다. {who}이(가) {when}에 이 항목을 {theirs}(으)로 고쳤습니다. 삭제는 대기열에 남아 있습니다. `briefing-studio store resolve {id} --mine`은 그래도 삭제하고, `--theirs`는 상대의 항목을 유지합니다</translation>
    </message>
    <message>
        <source>your change to entry &apos;{id}&apos; ({mine}) made away from the office store was not sent: the entry was deleted from the office store since; it stays in the queue: `briefing-studio store resolve {id} --mine` adds it again, `--theirs` drops it</source>
        <translation>사무실 저장소 밖에서 항목 &apos;{id}&apos;({mine})을(를) 고친 내용을 보내지 않았습니다. 그 사이 이 항목이 사무실 저장소에서 삭제되었습니다. 변경은 대기열에 남아 있습니다. `briefing-studio store resolve {id} --mine`은 항목을 다시 추가하고, `--theirs`는 변경을 버립니다</translation>
    </message>
    <message>
        <source>the term &apos;{ko}&apos; → &apos;{en}&apos; you added away from the office store was not sent: the office store renders &apos;{ko}&apos; as &apos;{office}&apos; (entry &apos;{id}&apos;); it stays in the queue until you resolve it</source>
        <translation>사무실 저장소 밖에서 추가한 용어 &apos;{ko}&apos; → &apos;{en}&apos;을(를) 보내지 않았습니다. 사무실 저장소는 &apos;{ko}&apos;을(를) &apos;{office}&apos;(으)로 옮깁니다 (항목 &apos;{id}&apos;). 해결할 때까지 대기열에 남아 있습니다</translation>
    </message>
    <message>
        <source>{address} holds no Briefing Studio store yet; `briefing-studio store migrate --to ADDRESS` sets one up</source>
        <translation>{address}에는 아직 Briefing Studio 저장소가 없습니다. `briefing-studio store migrate --to ADDRESS`로 만들 수 있습니다</translation>
    </message>
    <message>
        <source>the password file {path} can be read by other users; make it readable only by you (chmod 600 {path})</source>
        <translation>비밀번호 파일 {path}을(를) 다른 사용자도 읽을 수 있습니다. 본인만 읽을 수 있게 하십시오 (chmod 600 {path})</translation>
    </message>
    <message>
        <source>the password file {path} cannot be read ({reason})</source>
        <translation>비밀번호 파일 {path}을(를) 읽을 수 없습니다 ({reason})</translation>
    </message>
    <message>
        <source>the store address {address} holds a password; remove it and put the password in a file only you can read (the office_store_password_file setting), in PGPASSWORD or in a PostgreSQL passfile</source>
        <translation>저장소 주소 {address}에 비밀번호가 들어 있습니다. 주소에서 비밀번호를 빼고, 본인만 읽을 수 있는 파일(office_store_password_file 설정), PGPASSWORD 또는 PostgreSQL passfile에 넣으십시오</translation>
    </message>
    <message>
        <source>the office store {address} may only be read by {user}; the change was not made</source>
        <translation>사무실 저장소 {address}은(는) {user}에게 읽기 전용입니다. 변경하지 않았습니다</translation>
    </message>
    <message>
        <source>the office store {address} refused the connection ({reason})</source>
        <translation>사무실 저장소 {address}이(가) 연결을 거부했습니다 ({reason})</translation>
    </message>
    <message>
        <source>the source and the target are the same store ({address})</source>
        <translation>원본과 대상이 같은 저장소입니다 ({address})</translation>
    </message>
    <message>
        <source>the office store {address} cannot be reached ({reason})</source>
        <translation>사무실 저장소 {address}에 연결할 수 없습니다 ({reason})</translation>
    </message>
    <message>
        <source>the office store {address} refused the password of {user}</source>
        <translation>사무실 저장소 {address}이(가) {user}의 비밀번호를 거부했습니다</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>한국어</translation>
    </message>
    <message>
        <source>English</source>
        <translation>영어</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the entries of a list in a message</comment>
        <translation>, </translation>
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
        <source>Review requested</source>
        <translation>검토 요청됨</translation>
    </message>
    <message>
        <source>Open comment threads: %1</source>
        <translation>미해결 의견 스레드: %1</translation>
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
<context>
    <name>PackagesDialog</name>
    <message>
        <source>Language packages</source>
        <translation>언어 패키지</translation>
    </message>
    <message>
        <source>From</source>
        <translation>원문 언어</translation>
    </message>
    <message>
        <source>To</source>
        <translation>번역 언어</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>버전</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <source>Install from file…</source>
        <translation>파일에서 설치…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Download from the internet…</source>
        <translation>인터넷에서 내려받기…</translation>
    </message>
    <message>
        <source>Packages are installed offline from .argosmodel files. Downloading is the only action that uses the network.</source>
        <translation>패키지는 .argosmodel 파일로 오프라인 설치합니다. 네트워크를 쓰는 동작은 내려받기뿐입니다.</translation>
    </message>
    <message>
        <source>Install language package</source>
        <translation>언어 패키지 설치</translation>
    </message>
    <message>
        <source>Argos packages (*.argosmodel)</source>
        <translation>Argos 패키지 (*.argosmodel)</translation>
    </message>
    <message>
        <source>Installing…</source>
        <translation>설치 중…</translation>
    </message>
    <message>
        <source>Installed %1 → %2, version %3.</source>
        <translation>%1 → %2 버전 %3을(를) 설치했습니다.</translation>
    </message>
    <message>
        <source>Language package</source>
        <translation>언어 패키지</translation>
    </message>
    <message>
        <source>Remove package</source>
        <translation>패키지 삭제</translation>
    </message>
    <message>
        <source>Remove %1 → %2?</source>
        <translation>%1 → %2 패키지를 삭제하시겠습니까?</translation>
    </message>
    <message>
        <source>Type the pair as two codes, e.g. “ko en”.</source>
        <translation>언어 코드 두 개를 입력하십시오(예: “ko en”).</translation>
    </message>
    <message>
        <source>Downloading…</source>
        <translation>내려받는 중…</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <source>Preview: both languages</source>
        <translation>미리보기: 국영문</translation>
    </message>
    <message>
        <source>Preview: Korean</source>
        <translation>미리보기: 한국어</translation>
    </message>
    <message>
        <source>Preview: English</source>
        <translation>미리보기: 영어</translation>
    </message>
</context>
<context>
    <name>QA</name>
    <message>
        <source>Error</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>경고</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>참고</translation>
    </message>
    <message>
        <source>Numbers and dates</source>
        <translation>숫자·날짜</translation>
    </message>
    <message>
        <source>Meeting facts</source>
        <translation>회의 정보</translation>
    </message>
    <message>
        <source>Acronyms</source>
        <translation>약어</translation>
    </message>
    <message>
        <source>Terminology</source>
        <translation>용어</translation>
    </message>
    <message>
        <source>Completeness</source>
        <translation>누락·미번역</translation>
    </message>
    <message>
        <source>Markup</source>
        <translation>서식</translation>
    </message>
    <message>
        <source>Consistency</source>
        <translation>일관성</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Korean style</source>
        <translation>국문 문체</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>Files of &amp;type:</source>
        <translation>파일 형식(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Look in:</source>
        <translation>찾는 위치(&amp;L):</translation>
    </message>
</context>
<context>
    <name>QaCommands</name>
    <message>
        <source>The checks ran in the window: their process stopped</source>
        <translation>검토 프로세스가 중단되어 창에서 검토했습니다</translation>
    </message>
    <message>
        <source>The checks run in the window from now on: their process kept stopping</source>
        <translation>검토 프로세스가 계속 중단되어 앞으로는 창에서 검토합니다</translation>
    </message>
</context>
<context>
    <name>QaPanel</name>
    <message>
        <source>waived by %1 on %2</source>
        <translation>예외 처리: %1, %2</translation>
    </message>
    <message>
        <source>waived on %1</source>
        <translation>예외 처리: %1</translation>
    </message>
    <message>
        <source>Show waived</source>
        <translation>예외 처리된 항목 보기</translation>
    </message>
    <message>
        <source>List the findings a reviewer accepted, with who, when and why</source>
        <translation>검토자가 예외로 인정한 결과를 누가, 언제, 왜 인정했는지와 함께 표시</translation>
    </message>
    <message>
        <source>Waive…</source>
        <translation>예외 처리…</translation>
    </message>
    <message>
        <source>Accept this finding here, giving a reason (kept in the file)</source>
        <translation>사유를 적어 이 결과를 예외로 인정(파일에 기록됨)</translation>
    </message>
    <message>
        <source>Remove waiver</source>
        <translation>예외 처리 취소</translation>
    </message>
    <message>
        <source>Show the findings of this severity: %1</source>
        <translation>이 심각도의 검토 결과 보기: %1</translation>
    </message>
    <message>
        <source>All checks</source>
        <translation>모든 검사</translation>
    </message>
    <message>
        <source>No findings</source>
        <translation>검토 결과 없음</translation>
    </message>
    <message>
        <source>%1 of %2 findings shown · errors %3 · warnings %4 · info %5</source>
        <translation>검토 결과 %2건 중 %1건 표시 · 오류 %3 · 경고 %4 · 참고 %5</translation>
    </message>
    <message>
        <source>waived %1</source>
        <translation>예외 %1</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>검사 중…</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <source>Recover unsaved work</source>
        <translation>저장하지 않은 작업 복구</translation>
    </message>
    <message>
        <source>an unsaved briefing</source>
        <translation>저장하지 않은 브리핑</translation>
    </message>
    <message>
        <source>Briefing Studio did not close properly. Restore the unsaved changes to %1?</source>
        <translation>Briefing Studio가 정상적으로 종료되지 않았습니다. %1의 저장하지 않은 변경 사항을 복구하시겠습니까?</translation>
    </message>
    <message>
        <source>Saved at %1 (UTC).</source>
        <translation>%1(UTC)에 저장됨.</translation>
    </message>
    <message>
        <source>Older copies: %1, listed under File → Recover unsaved work.</source>
        <translation>이전 복구본 %1개는 파일 → 저장하지 않은 작업 복구에서 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>복구</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>버리기</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>나중에</translation>
    </message>
    <message>
        <source>Cannot recover</source>
        <translation>복구할 수 없음</translation>
    </message>
    <message>
        <source>%1 — saved %2</source>
        <translation>%1 — %2에 저장됨</translation>
    </message>
    <message>
        <source>Discard…</source>
        <translation>버리기…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Unsaved work kept from sessions that did not close properly, newest first.</source>
        <translation>정상적으로 종료되지 않은 세션에서 보관해 둔 저장하지 않은 작업입니다(최신순).</translation>
    </message>
    <message>
        <source>There is no unsaved work to recover.</source>
        <translation>복구할 저장하지 않은 작업이 없습니다.</translation>
    </message>
    <message>
        <source>Discard unsaved work</source>
        <translation>저장하지 않은 작업 버리기</translation>
    </message>
    <message>
        <source>Delete the recovery copy of %1? Its unsaved changes are lost.</source>
        <translation>%1의 복구본을 삭제하시겠습니까? 저장하지 않은 변경 내용은 사라집니다.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>보관</translation>
    </message>
</context>
<context>
    <name>ReviewFiles</name>
    <message>
        <source>XLIFF 2.0 (*.xlf)</source>
        <translation>XLIFF 2.0 (*.xlf)</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word 문서 (*.docx)</translation>
    </message>
    <message>
        <source>Export for review</source>
        <translation>검토용으로 내보내기</translation>
    </message>
    <message>
        <source>The briefing has items written in Korean and items written in English. A review file holds one direction: which items should it hold?</source>
        <translation>이 브리핑에는 한국어로 작성한 항목과 영어로 작성한 항목이 함께 있습니다. 검토 파일에는 한 방향만 담을 수 있습니다. 어느 항목을 내보낼까요?</translation>
    </message>
    <message>
        <source>Korean → English</source>
        <translation>한국어 → 영어</translation>
    </message>
    <message>
        <source>English → Korean</source>
        <translation>영어 → 한국어</translation>
    </message>
    <message>
        <source>Wrote %1 items to %2 for review</source>
        <translation>검토용으로 항목 %1개를 %2에 썼습니다</translation>
    </message>
    <message>
        <source>(%1 items of the other direction left out)</source>
        <translation>(반대 방향 항목 %1개는 제외)</translation>
    </message>
    <message>
        <source>Exporting for review…</source>
        <translation>검토용으로 내보내는 중…</translation>
    </message>
    <message>
        <source>Import review</source>
        <translation>검토 결과 가져오기</translation>
    </message>
    <message>
        <source>Review files (*.xlf *.xliff *.docx);;All files (*)</source>
        <translation>검토 파일 (*.xlf *.xliff *.docx);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>The briefing keeps changing: import the review when it is done</source>
        <translation>브리핑이 계속 바뀌고 있습니다. 작업이 끝난 뒤 검토 결과를 가져오십시오</translation>
    </message>
    <message>
        <source>Reading the review file…</source>
        <translation>검토 파일을 읽는 중…</translation>
    </message>
    <message>
        <source>The briefing changed while the review was shown: reading it again</source>
        <translation>검토 내용을 보는 동안 브리핑이 바뀌어 파일을 다시 읽습니다</translation>
    </message>
    <message>
        <source>Review imported: %1 items changed (one undo step)</source>
        <translation>검토 결과를 가져왔습니다. 항목 %1개 변경 (한 번에 실행 취소 가능)</translation>
    </message>
</context>
<context>
    <name>ReviewGrid</name>
    <message>
        <source>Text or regular expression in either language…</source>
        <translation>한국어·영어 문안 또는 정규식 검색…</translation>
    </message>
    <message>
        <source>Regex</source>
        <translation>정규식</translation>
    </message>
    <message>
        <source>Read the search as a regular expression (Python syntax)</source>
        <translation>검색어를 정규식(Python 문법)으로 해석합니다</translation>
    </message>
    <message>
        <source>Both languages</source>
        <translation>두 언어</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>한국어</translation>
    </message>
    <message>
        <source>English</source>
        <translation>영어</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>모든 상태</translation>
    </message>
    <message>
        <source>Needing attention</source>
        <translation>확인 필요</translation>
    </message>
    <message>
        <source>Not approved</source>
        <translation>미승인</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>검토 요청됨</translation>
    </message>
    <message>
        <source>Any QA result</source>
        <translation>품질 검사 전체</translation>
    </message>
    <message>
        <source>QA errors</source>
        <translation>품질 검사 오류</translation>
    </message>
    <message>
        <source>QA warnings or errors</source>
        <translation>품질 검사 경고·오류</translation>
    </message>
    <message>
        <source>Any QA finding</source>
        <translation>품질 검사 결과 있음</translation>
    </message>
    <message>
        <source>No QA findings</source>
        <translation>품질 검사 결과 없음</translation>
    </message>
    <message>
        <source>Any comments</source>
        <translation>의견 전체</translation>
    </message>
    <message>
        <source>Open comments</source>
        <translation>미해결 의견 있음</translation>
    </message>
    <message>
        <source>No open comments</source>
        <translation>미해결 의견 없음</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>모든 유형</translation>
    </message>
    <message>
        <source>Reviewed since</source>
        <translation>검토 기준일</translation>
    </message>
    <message>
        <source>Items approved, flagged, commented on or waived on or after this date (the file keeps no time for text edits, nor for exports)</source>
        <translation>이 날짜 이후에 승인, 검토 요청, 의견, 예외 처리가 있었던 항목(파일에는 문안 수정 시각과 내보내기 시각이 기록되지 않습니다)</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>필터 해제</translation>
    </message>
    <message>
        <source>Approve shown…</source>
        <translation>표시된 항목 승인…</translation>
    </message>
    <message>
        <source>Approve every shown item, as one undo step</source>
        <translation>표시된 항목을 모두 승인합니다(한 번에 실행 취소 가능)</translation>
    </message>
    <message>
        <source>All sections</source>
        <translation>모든 절</translation>
    </message>
    <message>
        <source>No shown item needs attention</source>
        <translation>표시된 항목 중 확인이 필요한 항목이 없습니다</translation>
    </message>
    <message>
        <source>Nothing to approve: the item has no translation yet</source>
        <translation>승인할 내용이 없습니다. 아직 번역문이 없는 항목입니다</translation>
    </message>
    <message>
        <source>No shown item is waiting for approval</source>
        <translation>표시된 항목 중 승인을 기다리는 항목이 없습니다</translation>
    </message>
    <message>
        <source>Approve %1 shown items as %2?</source>
        <translation>표시된 항목 %1개를 %2 이름으로 승인하시겠습니까?</translation>
    </message>
    <message>
        <source>%1 of them had their source changed while the translation was not revised.</source>
        <translation>그중 %1개는 원문이 바뀌었지만 번역문은 수정되지 않았습니다.</translation>
    </message>
    <message>
        <source>%1 are already approved.</source>
        <translation>%1개는 이미 승인되었습니다.</translation>
    </message>
    <message>
        <source>%1 without a translation are left as they are.</source>
        <translation>번역문이 없는 %1개는 그대로 둡니다.</translation>
    </message>
    <message>
        <source>Approve shown items</source>
        <translation>표시된 항목 승인</translation>
    </message>
    <message>
        <source>%1 items approved</source>
        <translation>%1개 항목을 승인했습니다</translation>
    </message>
    <message>
        <source>%1 of %2 approved</source>
        <translation>%2개 중 %1개 승인</translation>
    </message>
    <message>
        <source>%1 flagged</source>
        <translation>검토 요청 %1개</translation>
    </message>
    <message>
        <source>1 comment open</source>
        <translation>미해결 의견 1건</translation>
    </message>
    <message>
        <source>%1 comments open</source>
        <translation>미해결 의견 %1건</translation>
    </message>
    <message>
        <source>%1 need attention</source>
        <translation>확인 필요 %1개</translation>
    </message>
    <message>
        <source>%1 of %2 items shown</source>
        <translation>%2개 중 %1개 표시</translation>
    </message>
</context>
<context>
    <name>ReviewImportDialog</name>
    <message>
        <source>Import review</source>
        <translation>검토 결과 가져오기</translation>
    </message>
    <message>
        <source>%1 changes %2 items of this briefing.</source>
        <translation>%1 파일은 이 브리핑의 항목 %2개를 바꿉니다.</translation>
    </message>
    <message>
        <source>%1 changes nothing in this briefing.</source>
        <translation>%1 파일은 이 브리핑에서 바꾸는 것이 없습니다.</translation>
    </message>
    <message>
        <source>Reported, not applied: %1 (at the end).</source>
        <translation>적용하지 않고 알리는 내용: %1건 (맨 아래).</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>적용(&amp;A)</translation>
    </message>
    <message>
        <source>Not applied</source>
        <translation>적용하지 않음</translation>
    </message>
    <message>
        <source>The file proposes no changes.</source>
        <translation>이 파일에는 바꿀 내용이 없습니다.</translation>
    </message>
    <message>
        <source>Translation: </source>
        <translation>번역: </translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>상태: %1</translation>
    </message>
    <message>
        <source>Status: %1 (%2)</source>
        <translation>상태: %1 (%2)</translation>
    </message>
    <message>
        <source>(no author)</source>
        <translation>(작성자 없음)</translation>
    </message>
    <message>
        <source>New comment by %1: </source>
        <translation>%1의 새 의견: </translation>
    </message>
    <message>
        <source>Comment resolved: </source>
        <translation>의견 해결: </translation>
    </message>
    <message>
        <source>Comment reopened: </source>
        <translation>의견 다시 열림: </translation>
    </message>
</context>
<context>
    <name>ReviewMode</name>
    <message>
        <source>Compose</source>
        <translation>작성</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>검토</translation>
    </message>
    <message>
        <source>Every item as a row, with filters (F7)</source>
        <translation>모든 항목을 한 줄씩 보여 주는 표와 필터(F7)</translation>
    </message>
    <message>
        <source>No item needs attention</source>
        <translation>확인이 필요한 항목이 없습니다</translation>
    </message>
</context>
<context>
    <name>ReviewModel</name>
    <message>
        <source>No.</source>
        <translation>번호</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>절</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>유형</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>한국어</translation>
    </message>
    <message>
        <source>English</source>
        <translation>영어</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>QA</source>
        <translation>품질 검사</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>의견</translation>
    </message>
    <message>
        <source>Flagged for review by %1</source>
        <translation>%1 님이 검토 요청</translation>
    </message>
    <message>
        <source>Changed since it was approved:</source>
        <translation>승인 후 바뀐 내용:</translation>
    </message>
</context>
<context>
    <name>ReviewStrip</name>
    <message>
        <source>The source changed since the approval (struck through: removed, underlined: added):</source>
        <translation>승인 이후 원문이 바뀌었습니다(취소선: 삭제, 밑줄: 추가):</translation>
    </message>
    <message>
        <source>Edited against the machine or memory suggestion:</source>
        <translation>기계 번역·번역 메모리 제안 대비 수정 내용:</translation>
    </message>
    <message>
        <source>Flagged for review by %1 on %2</source>
        <translation>검토 요청: %1, %2</translation>
    </message>
    <message>
        <source>Flagged for review on %1</source>
        <translation>검토 요청: %1</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>사유: %1</translation>
    </message>
    <message>
        <source>Approved by %1 on %2</source>
        <translation>승인: %1, %2</translation>
    </message>
    <message>
        <source>Approved on %1</source>
        <translation>승인: %1</translation>
    </message>
    <message>
        <source>Last approved by %1 on %2</source>
        <translation>마지막 승인: %1, %2</translation>
    </message>
    <message>
        <source>Last approved on %1</source>
        <translation>마지막 승인: %1</translation>
    </message>
</context>
<context>
    <name>SectionEditor</name>
    <message>
        <source>Section title in Korean and English</source>
        <translation>절 제목(한국어, 영어)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>시스템 설정에 따름</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>한국어</translation>
    </message>
    <message>
        <source>English</source>
        <translation>영어</translation>
    </message>
    <message>
        <source>all cores</source>
        <translation>모든 코어</translation>
    </message>
    <message>
        <source>Suggest translations while typing</source>
        <translation>입력하는 동안 번역 제안</translation>
    </message>
    <message>
        <source> min</source>
        <translation>분</translation>
    </message>
    <message>
        <source>never</source>
        <translation>안 함</translation>
    </message>
    <message>
        <source> s</source>
        <translation>초</translation>
    </message>
    <message>
        <source>off</source>
        <translation>끔</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>화면 언어</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>작성자</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>소속</translation>
    </message>
    <message>
        <source>Source language of new items</source>
        <translation>새 항목의 원문 언어</translation>
    </message>
    <message>
        <source>Default export template</source>
        <translation>기본 내보내기 양식</translation>
    </message>
    <message>
        <source>Editor font</source>
        <translation>편집기 글꼴</translation>
    </message>
    <message>
        <source>Editor font size</source>
        <translation>편집기 글꼴 크기</translation>
    </message>
    <message>
        <source>Translation beam size</source>
        <translation>번역 빔 크기</translation>
    </message>
    <message>
        <source>Translation threads</source>
        <translation>번역 스레드 수</translation>
    </message>
    <message>
        <source>Live translation</source>
        <translation>실시간 번역</translation>
    </message>
    <message>
        <source>Unload the models when idle for</source>
        <translation>다음 시간 동안 쓰지 않으면 모델 내리기</translation>
    </message>
    <message>
        <source>Recovery copy every</source>
        <translation>복구 사본 저장 간격</translation>
    </message>
    <message>
        <source>Fill from the memory at</source>
        <translation>번역 메모리로 채우는 일치율</translation>
    </message>
    <message>
        <source>Office termbases</source>
        <translation>기관 공용 용어집</translation>
    </message>
    <message>
        <source>Office translation memories</source>
        <translation>기관 공용 번역 메모리</translation>
    </message>
    <message>
        <source>Settings not saved</source>
        <translation>설정을 저장하지 못했습니다</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>Some settings could not be used; the defaults were used instead.</source>
        <translation>일부 설정을 사용할 수 없어 기본값을 적용하였습니다.</translation>
    </message>
    <message>
        <source>Briefing Studio cannot start: its data folder is not usable.</source>
        <translation>데이터 폴더를 사용할 수 없어 Briefing Studio를 시작할 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
</context>
<context>
    <name>TermDialog</name>
    <message>
        <source>Edit term</source>
        <translation>용어 수정</translation>
    </message>
    <message>
        <source>Add term</source>
        <translation>용어 추가</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>한국어</translation>
    </message>
    <message>
        <source>Korean acronym</source>
        <translation>한국어 약어</translation>
    </message>
    <message>
        <source>English</source>
        <translation>영어</translation>
    </message>
    <message>
        <source>English acronym</source>
        <translation>영어 약어</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>비고</translation>
    </message>
    <message>
        <source>Your change: %1 → %2</source>
        <translation>내가 고친 내용: %1 → %2</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>다른 사람이 고친 항목</translation>
    </message>
    <message>
        <source>Reload the entry</source>
        <translation>항목 다시 불러오기</translation>
    </message>
    <message>
        <source>The entry %1 was deleted meanwhile.</source>
        <translation>그 사이 항목 %1이(가) 삭제되었습니다.</translation>
    </message>
    <message>
        <source>Reloaded: changed by %1.</source>
        <translation>다시 불러옴: %1이(가) 고친 내용입니다.</translation>
    </message>
</context>
<context>
    <name>TermbaseManager</name>
    <message>
        <source>Terminology</source>
        <translation>용어 관리</translation>
    </message>
    <message>
        <source>Termbase:</source>
        <translation>용어집:</translation>
    </message>
    <message>
        <source>Search:</source>
        <translation>검색:</translation>
    </message>
    <message>
        <source>Korean, English, acronym or note</source>
        <translation>한국어, 영어, 약어 또는 비고</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>추가…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>수정…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>가져오기…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>내보내기…</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>실행 취소</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>다시 실행</translation>
    </message>
    <message>
        <source>Office store: %1 (local copy)</source>
        <translation>사무실 저장소: %1 (로컬 사본)</translation>
    </message>
    <message>
        <source>Office store: %1</source>
        <translation>사무실 저장소: %1</translation>
    </message>
    <message>
        <source>Personal (this computer)</source>
        <translation>개인 (이 컴퓨터)</translation>
    </message>
    <message>
        <source>%1 (read-only)</source>
        <translation>%1 (읽기 전용)</translation>
    </message>
    <message>
        <source>Connected to %1 as %2.</source>
        <translation>%1에 %2(으)로 연결됨.</translation>
    </message>
    <message>
        <source>Editing is off: the role %1 may only read this termbase.</source>
        <translation>편집 불가: 역할 %1은(는) 이 용어집을 읽기만 할 수 있습니다.</translation>
    </message>
    <message>
        <source>Changes are saved there at once; a change someone made meanwhile is a conflict.</source>
        <translation>변경은 곧바로 그곳에 저장됩니다. 그 사이 다른 사람이 고친 항목은 덮어쓰지 않고 충돌로 알려 줍니다.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>%1 cannot be reached: working from the local copy made %2. %3 changes wait to be sent by “briefing-studio store sync”.</source>
        <translation>%1에 연결할 수 없습니다. %2에 만든 로컬 사본으로 작업합니다. 변경 %3건이 “briefing-studio store sync”로 보내지기를 기다립니다.</translation>
    </message>
    <message>
        <source>Editing is off: your role may only read the office termbase.</source>
        <translation>편집 불가: 내 역할은 사무실 용어집을 읽기만 할 수 있습니다.</translation>
    </message>
    <message>
        <source>%1 cannot be reached and there is no local copy to work from.</source>
        <translation>%1에 연결할 수 없고 작업할 로컬 사본도 없습니다.</translation>
    </message>
    <message>
        <source>%1 of %2 entries</source>
        <translation>항목 %2개 중 %1개</translation>
    </message>
    <message>
        <source>This could not be undone.
%1</source>
        <translation>실행 취소할 수 없습니다.
%1</translation>
    </message>
    <message>
        <source>Delete the entry “%1 — %2” from the office termbase, for everyone?</source>
        <translation>사무실 용어집에서 항목 “%1 — %2”을(를) 삭제하시겠습니까? 모든 사용자에게서 삭제됩니다.</translation>
    </message>
    <message>
        <source>Delete the entry “%1 — %2” from your personal termbase?</source>
        <translation>개인 용어집에서 “%1 — %2” 항목을 삭제하시겠습니까?</translation>
    </message>
    <message>
        <source>Import a glossary</source>
        <translation>용어집 파일 가져오기</translation>
    </message>
    <message>
        <source>Glossaries (%1)</source>
        <translation>용어집 파일 (%1)</translation>
    </message>
    <message>
        <source>Reading the glossary…</source>
        <translation>용어집 파일을 읽는 중…</translation>
    </message>
    <message>
        <source>Added %1 entries, updated %2, skipped %3.</source>
        <translation>항목 %1개를 추가하고 %2개를 갱신했으며 %3개를 건너뛰었습니다.</translation>
    </message>
    <message>
        <source>Nothing was imported.
%1</source>
        <translation>가져온 것이 없습니다.
%1</translation>
    </message>
    <message>
        <source>Export the termbase</source>
        <translation>용어집 내보내기</translation>
    </message>
    <message>
        <source>Exported %1 entries to %2</source>
        <translation>항목 %1개를 %2(으)로 내보냈습니다</translation>
    </message>
</context>
<context>
    <name>Terms</name>
    <message>
        <source>this briefing&apos;s meeting card</source>
        <translation>이 브리핑의 회의 정보</translation>
    </message>
    <message>
        <source>personal</source>
        <translation>개인</translation>
    </message>
    <message>
        <source>shipped</source>
        <translation>기본 제공</translation>
    </message>
    <message>
        <source>office</source>
        <translation>사무실</translation>
    </message>
    <message>
        <source>office (local copy)</source>
        <translation>사무실 (로컬 사본)</translation>
    </message>
    <message>
        <source>organisation</source>
        <translation>기관</translation>
    </message>
    <message>
        <source>meeting</source>
        <translation>회의</translation>
    </message>
    <message>
        <source>delegation</source>
        <translation>대표단</translation>
    </message>
    <message>
        <source>person</source>
        <translation>인물</translation>
    </message>
    <message>
        <source>title</source>
        <translation>직함</translation>
    </message>
    <message>
        <source>rank</source>
        <translation>계급</translation>
    </message>
    <message>
        <source>place</source>
        <translation>장소</translation>
    </message>
    <message>
        <source>phrase</source>
        <translation>관용 표현</translation>
    </message>
    <message>
        <source>weapon</source>
        <translation>무기</translation>
    </message>
    <message>
        <source>space</source>
        <translation>우주</translation>
    </message>
    <message>
        <source>exercise</source>
        <translation>연습</translation>
    </message>
    <message>
        <source>document</source>
        <translation>문서</translation>
    </message>
    <message>
        <source>other</source>
        <translation>기타</translation>
    </message>
    <message>
        <source>“%1” is forbidden</source>
        <translation>“%1”은(는) 금지된 용어입니다</translation>
    </message>
    <message>
        <source>Use: %1</source>
        <translation>사용: %1</translation>
    </message>
    <message>
        <source>Acronym: %1</source>
        <translation>약어: %1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>비고: %1</translation>
    </message>
    <message>
        <source>Termbase: %1</source>
        <translation>용어집: %1</translation>
    </message>
    <message>
        <source>unverified: not confirmed from a public source</source>
        <translation>미확인: 공개 출처에서 확인되지 않음</translation>
    </message>
</context>
<context>
    <name>TermsCommands</name>
    <message>
        <source>Termbase left out: %1</source>
        <translation>용어집 제외됨: %1</translation>
    </message>
    <message>
        <source>Term added to your termbase</source>
        <translation>개인 용어집에 용어를 추가했습니다</translation>
    </message>
</context>
<context>
    <name>TermsPanel</name>
    <message>
        <source>Choose an item to see its terms.</source>
        <translation>용어를 보려면 항목을 고르십시오.</translation>
    </message>
    <message>
        <source>No known terms in this item.</source>
        <translation>이 항목에는 알려진 용어가 없습니다.</translation>
    </message>
    <message>
        <source>Click a term (or press Enter) to insert it into the English text.</source>
        <translation>용어를 클릭하거나 Enter 키를 누르면 영문에 삽입됩니다.</translation>
    </message>
    <message>
        <source>Click a term (or press Enter) to insert it into the Korean text.</source>
        <translation>용어를 클릭하거나 Enter 키를 누르면 국문에 삽입됩니다.</translation>
    </message>
    <message>
        <source>Left out: %1</source>
        <translation>제외됨: %1</translation>
    </message>
</context>
<context>
    <name>TitleStatus</name>
    <message>
        <source>Approve the title&apos;s translation</source>
        <translation>제목 번역 승인</translation>
    </message>
    <message>
        <source>Mark the title&apos;s translation as needing review</source>
        <translation>제목 번역을 검토 필요로 표시</translation>
    </message>
    <message>
        <source>Approve title</source>
        <translation>제목 승인</translation>
    </message>
    <message>
        <source>Title needs review</source>
        <translation>제목 검토 필요</translation>
    </message>
</context>
<context>
    <name>TranslationController</name>
    <message>
        <source>Nothing was translated: the translations stay as they are</source>
        <translation>번역하지 않았습니다. 번역문은 그대로입니다</translation>
    </message>
    <message>
        <source>Nothing to translate</source>
        <translation>번역할 항목이 없습니다</translation>
    </message>
    <message>
        <source>Translating…</source>
        <translation>번역 중…</translation>
    </message>
    <message>
        <source>%1 from memory, %2 machine-translated</source>
        <translation>번역 메모리 %1개, 기계 번역 %2개</translation>
    </message>
    <message>
        <source>Machine-translated items: %1</source>
        <translation>항목 %1개 기계 번역</translation>
    </message>
    <message>
        <source>titles filled in: %1</source>
        <translation>제목 %1개 채움</translation>
    </message>
    <message>
        <source>cancelled; the rest were left untouched</source>
        <translation>취소됨, 나머지 항목은 그대로 둠</translation>
    </message>
    <message>
        <source>left alone because they changed meanwhile: %1</source>
        <translation>그동안 수정된 %1개는 그대로 둠</translation>
    </message>
    <message>
        <source>Language package needed</source>
        <translation>언어 패키지 필요</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>한국어</translation>
    </message>
    <message>
        <source>English</source>
        <translation>영어</translation>
    </message>
    <message>
        <source>Translating needs the %1→%2 language package, which is not installed.</source>
        <translation>번역하려면 %1→%2 언어 패키지가 필요하지만 설치되어 있지 않습니다.</translation>
    </message>
    <message>
        <source>Install translate-%1_%2 from a file (or download it) in the language packages dialog.</source>
        <translation>언어 패키지 창에서 translate-%1_%2 파일을 설치(또는 내려받기)하십시오.</translation>
    </message>
    <message>
        <source>Open language packages…</source>
        <translation>언어 패키지 열기…</translation>
    </message>
</context>
<context>
    <name>WaiveDialog</name>
    <message>
        <source>Waive finding</source>
        <translation>검토 결과 예외 처리</translation>
    </message>
    <message>
        <source>Why this is acceptable here (kept in the file, with your name)</source>
        <translation>여기서 문제가 없는 이유(작성자 이름과 함께 파일에 기록됨)</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>사유:</translation>
    </message>
</context>
</TS>
