<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
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
        <source>Edit meeting card</source>
        <translation>회의 정보 수정</translation>
    </message>
    <message>
        <source>A date like 2024-11-07</source>
        <translation>2024-11-07 형식의 날짜</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>Edit text</source>
        <translation>문안 수정</translation>
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
</context>
<context>
    <name>ExportDialog</name>
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
    <message>
        <source>Export failed</source>
        <translation>내보내기 실패</translation>
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
        <source>Needs review</source>
        <translation>검토 필요</translation>
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
        <source>Add a comment on this item…</source>
        <translation>이 항목에 대한 의견 입력…</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>의견 추가</translation>
    </message>
    <message>
        <source>(source)</source>
        <translation>(원문)</translation>
    </message>
    <message>
        <source>Approved against this source:</source>
        <translation>승인 당시 원문:</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>해결됨</translation>
    </message>
    <message>
        <source>Add comment</source>
        <translation>의견 추가</translation>
    </message>
    <message>
        <source>Reopen comment</source>
        <translation>의견 다시 열기</translation>
    </message>
    <message>
        <source>Resolve comment</source>
        <translation>의견 해결</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>다시 열기</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>해결</translation>
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
        <source>Change source language</source>
        <translation>원문 언어 변경</translation>
    </message>
    <message>
        <source>Mark for review</source>
        <translation>검토 필요로 표시</translation>
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
    <name>MainWindow</name>
    <message>
        <source>English</source>
        <translation>영어</translation>
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
        <source>&amp;New</source>
        <translation>새로 만들기(&amp;N)</translation>
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
        <source>Add &amp;section</source>
        <translation>절 추가(&amp;S)</translation>
    </message>
    <message>
        <source>Add &amp;item</source>
        <translation>항목 추가(&amp;I)</translation>
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
        <source>&amp;About Briefing Studio</source>
        <translation>Briefing Studio 정보(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>실행 취소(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>다시 실행(&amp;R)</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>최근 파일(&amp;R)</translation>
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
        <source>Section title in Korean and English</source>
        <translation>절 제목(한국어, 영어)</translation>
    </message>
    <message>
        <source>Find in both languages…</source>
        <translation>두 언어에서 찾기…</translation>
    </message>
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
    <message>
        <source>Items %1 · approved %2 · needs review %3 · open comments %4</source>
        <translation>항목 %1개 · 승인 %2 · 검토 필요 %3 · 미해결 의견 %4</translation>
    </message>
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
        <source>Save briefing</source>
        <translation>브리핑 저장</translation>
    </message>
    <message>
        <source>Briefings (*.briefing)</source>
        <translation>브리핑 (*.briefing)</translation>
    </message>
    <message>
        <source>File changed on disk</source>
        <translation>파일이 디스크에서 변경됨</translation>
    </message>
    <message>
        <source>%1 was changed on disk after you opened it, perhaps by someone else. Replace it with your version? The version on disk is kept as %2.</source>
        <translation>%1 파일을 연 뒤에 디스크의 파일이 (다른 사람 등에 의해) 변경되었습니다. 지금 편집한 내용으로 바꾸시겠습니까? 디스크에 있던 내용은 %2(으)로 보관됩니다.</translation>
    </message>
    <message>
        <source>Not saved: use Save As to keep both versions</source>
        <translation>저장하지 않음: 두 내용을 모두 남기려면 다른 이름으로 저장하십시오</translation>
    </message>
    <message>
        <source>Cannot save briefing</source>
        <translation>브리핑을 저장할 수 없음</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 저장됨</translation>
    </message>
    <message>
        <source>New section</source>
        <translation>새 절</translation>
    </message>
    <message>
        <source>“%1” was not found</source>
        <translation>“%1”을(를) 찾지 못했습니다</translation>
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
        <source>Machine translation</source>
        <translation>기계 번역</translation>
    </message>
    <message>
        <source>cancelled; the rest were left untouched</source>
        <translation>취소됨, 나머지 항목은 그대로 둠</translation>
    </message>
    <message>
        <source>Language package needed</source>
        <translation>언어 패키지 필요</translation>
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
    <message>
        <source>Translation failed</source>
        <translation>번역 실패</translation>
    </message>
    <message>
        <source>Cannot recover</source>
        <translation>복구할 수 없음</translation>
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
        <source>Machine-translated items: %1</source>
        <translation>항목 %1개 기계 번역</translation>
    </message>
    <message>
        <source>left alone because they changed meanwhile: %1</source>
        <translation>그동안 수정된 %1개는 그대로 둠</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>한국어</translation>
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
        <source>%1 — saved %2 (UTC)</source>
        <translation>%1 — %2(UTC)에 저장됨</translation>
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
    <name>SectionEditor</name>
    <message>
        <source>Rename section</source>
        <translation>절 제목 변경</translation>
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
        <source>Recovery copy every</source>
        <translation>복구 사본 저장 간격</translation>
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
</TS>
