# daybook — 한국어. 모든 메시지는 ../en/daybook.ftl 과 같은 id, 같은 인자를 가집니다.

## Widget labels

editor = 글 본문
filter = 글 찾기
title = 제목
date = 날짜
categories = 카테고리
tags = 태그
layout = 레이아웃
other-fields = 기타 머리말
new-post = 새 글
save = 저장
preview = 미리보기
find = 찾기
problems = 문제
photos = 사진
photo-folder = 사진 폴더
photo-paths = 사진 경로
insert-photos = 사진 넣기…
paste-image = 이미지 붙여넣기
settings = 설정
autosave = 저장하지 않은 글 자동 보관
check-site = 사이트 전체 검사
rename-file = 파일 이름 바꾸기
new-title = 새 글 제목
new-categories = 새 글 카테고리
new-tags = 새 글 태그
new-date = 새 글 날짜
replace = 바꿀 내용
not-published = Jekyll이 게시하지 않음
undo-rename = 이름 바꾸기 취소
publish = 게시
outline = 개요
recent-sites = 최근 사이트
photos-by-day = 날짜별 제목 넣기
photos-done = 완료
photo-include = { $name } 포함
photo-thumbnail = { $name } 미리보기 이미지
photo-up = { $name } 위로
photo-down = { $name } 아래로
photo-alt = { $name } 대체 텍스트
photo-caption = { $name } 설명
commit = 커밋
commit-and-push = 커밋하고 푸시
push = 푸시
pull = 풀
commit-message = 커밋 메시지
commit-anyway = 그래도 커밋

## Toolbar and settings
settings-language = 언어
language-system = 시스템 ({ $name })
settings-theme = 테마
theme-system = 시스템
theme-light = 밝게
theme-dark = 어둡게
unit-seconds = {" "}초
unit-pixels = {" "}픽셀
autosave-hover = 입력을 멈추고 이 시간이 지나면 저장하지 않은 글을 복구 폴더에 보관합니다(글 파일은 건드리지 않음). 0이면 끕니다
settings-imported-photos = 가져온 사진
settings-shrink = 긴 변을 이 크기로 줄이기
settings-jpeg-quality = JPEG 품질
settings-strip-metadata = 위치와 카메라 정보 지우기
shortcut-new = 새 글 (Ctrl+N)
shortcut-save = 저장 (Ctrl+S)
shortcut-undo = 실행 취소 (Ctrl+Z)
shortcut-redo = 다시 실행 (Ctrl+Shift+Z)
shortcut-find = 찾기 (Ctrl+F)
undo = 실행 취소
redo = 다시 실행
view-editor = 편집기
view-split = 나란히
view-preview = 미리보기만
problems-count = 문제 ({ $count })
reload-list = 목록 새로 읽기
no-sites-yet = 아직 연 사이트가 없습니다
publish-button = 게시…
publish-hover = 이 글과 글에 쓰인 사진만 커밋하고 푸시합니다 (Ctrl+Shift+G)
git-branch = git: { $state }
files-count = 파일 { $count }개
files-not-published = 커밋이나 푸시하지 않은 파일 { $count }개

## Disk: conflicts, deletions, recovery
conflict-bar = 편집하는 동안 디스크의 “{ $file }” 파일이 바뀌었습니다.
keep-mine = 내 글 유지
keep-mine-hover = 저장하면 디스크의 파일을 내 글로 바꿉니다
take-theirs = 디스크 것 받기
take-theirs-hover = Ctrl+Z로 내 글을 되돌릴 수 있습니다
compare = 비교
deleted-banner = 디스크에서 “{ $file }” 파일이 지워졌습니다. 글은 남아 있으니 저장하면 파일을 다시 씁니다.
watching-title = 사이트 지켜보기
ok = 확인
restore-title = 저장하지 않은 글을 되살릴까요?
restore-body = daybook이 이 글들을 저장하지 않고 닫혔습니다. 저장하지 않은 글이 남아 있습니다:
restore = 되살리기
discard = 버리기
cannot-watch = 사이트의 변경을 지켜볼 수 없습니다({ $error }). “목록 새로 읽기”를 쓰세요
reloaded-from-disk = 디스크에서 { $file } 파일이 바뀌어 다시 읽었습니다 (Ctrl+Z로 되돌리기)
followed-rename = 바뀐 이름 { $path }(으)로 따라갔습니다
keeping-yours = 내 글을 유지합니다. 저장하면 디스크의 파일을 바꿉니다
compare-conflict-title = { $file } — 내 글과 디스크의 파일
compare-yours = 내 글 (저장 안 됨)
compare-on-disk-now = 지금 디스크에 있는 것
restore-over-unsaved = 열린 글에 저장하지 않은 변경이 있습니다. 먼저 저장하거나 버리세요. 또는 되살린 글과 비교하세요.
restored-changed-on-disk = { $file }의 저장하지 않은 글을 되살렸습니다. 그 뒤 디스크의 글이 바뀌었으니 내 글 유지, 디스크 것 받기, 비교 중에서 고르세요
restored = { $file }의 저장하지 않은 글을 되살렸습니다
compare-recovery-title = { $file } — 저장하지 않은 글과 디스크의 파일
compare-recovered = 저장 안 된 글 (되살림)
compare-on-disk = 디스크

## New post and unsaved prompt
new-post-needs-title = 글 제목을 적어 주세요.
new-post-bad-date = 날짜는 YYYY-MM-DD HH:MM 형식이어야 합니다.
new-post-kind = 종류
new-post-kind-post = 글 (_posts)
new-post-kind-draft = 초안 (_drafts)
new-post-file-name = 파일 이름
slug-keep-korean = 한글 그대로
slug-ascii = 영문 (로마자)
new-post-file = 파일: { $file }
new-post-url = 주소: { $url }
new-post-url-draft = 주소: { $url } (게시한 뒤)
create = 만들기
cancel = 취소
unsaved-title = 저장하지 않은 변경
unsaved-body = “{ $file }”에 저장하지 않은 변경이 있습니다.
save-changes = 저장
discard-changes = 변경 버리기

## Find, form, sidebar, outline, status bar
find-next = 다음
replace-one = 바꾸기
replace-all = 모두 바꾸기
close = 닫기
front-matter-error = 머리말 오류: { $error }. 아래 본문에서 고쳐 주세요.
date-format = YYYY-MM-DD HH:MM[:SS] [+ZZZZ] 형식
not-a-date = 날짜가 아닙니다: { $error }
other-fields-hint = 위 양식에 없는 항목의 YAML 줄
no-headings = 이 글에는 제목(헤딩)이 없습니다.
untitled-heading = (빈 제목)
marker-draft = 초안
marker-unpublished = 비공개
marker-future = 예약
marker-error = ⚠ 오류
filter-hint = 제목, 분류, 태그…
no-posts-yet = 아직 글이 없습니다. Ctrl+N으로 새 글을 만드세요.
no-post-matches = 찾는 글이 없습니다.
hide = 숨기기
show = 보기
no-date = 날짜 없음
save-state-saved = 저장됨
save-state-unsaved = 저장하지 않은 변경
save-state-autosaved = 저장하지 않은 변경 (복구용으로 보관됨)
save-state-not-kept = 저장하지 않은 변경 (복구용 사본 없음: 저장해야 남습니다)
save-state-changed-on-disk = 디스크에서 바뀜
save-state-deleted-on-disk = 디스크에서 지워짐
text-stats = { $chars }자 (공백 제외 { $without_spaces }자) · { $words }어절 · 읽는 데 { $minutes }분
text-stats-hover = 게시될 페이지 기준으로 셉니다: 마크다운 기호, 머리말, HTML 태그는 빼고, 띄어쓰기로 나뉜 어절을 단어로 셉니다.
caret-position = { $line }줄, { $column }칸
preparing-preview = 미리보기를 준비하는 중…
path-committed = 커밋됨
path-unpushed = 푸시 안 됨
path-new = 새 파일
path-modified = 수정됨
path-deleted = 삭제됨
path-conflicted = 충돌
path-ignored = 무시됨
fold-front-matter-hover = 편집기에서 머리말을 숨깁니다. 위 양식에서 볼 수 있습니다
front-matter-folded = --- 머리말 { $lines }줄 접힘 ---
front-matter-folded-hover = 누르면 편집기에 다시 보입니다

## Photos
drop-photos = 사진을 놓으면 { $folder }에 복사하고
    커서 위치에 링크합니다
drop-photos-no-post = 먼저 글을 여세요: 사진은 글의 커서 위치에 링크됩니다
insert-photos-hover = Ctrl+Shift+I — 창에 사진을 끌어다 놓거나 복사한 파일을 붙여넣어도 됩니다
paste-image-hover = Ctrl+Shift+V: 스크린샷이나 복사한 그림
import-progress = { $folder }(으)로 — { $total }장 중 { $done }장
import-now = 지금: { $name }
photos-by-day-hover = 날마다 첫 사진 앞에 “## 5월 3일” 같은 제목을 넣습니다
import-detached = 글에서 링크가 바뀌어 여기서 고른 것이 더는 반영되지 않습니다.
import-done = 완료: { $linked }장 링크 (이미 있던 것 { $reused }장), 실패 { $failed }장
import-links = 링크
no-capture-time = 촬영 시각 없음
photo-failed = {" "}— 실패
up = 위로
down = 아래로
move-earlier = 글에서 앞으로
move-later = 글에서 뒤로
caption-hint = 설명 (선택)
no-file-dialog = 이 데스크톱에서는 파일 선택 창을 쓸 수 없습니다. 사진 경로를 한 줄에 하나씩 붙여넣거나 적으세요:
import = 가져오기

## Problems panel
severity-error = 오류
severity-warning = 경고
severity-info = 참고
problem-counts = 오류 { $errors }개, 경고 { $warnings }개, 참고 { $notes }개
go-to-line = 그 줄로 가기
rename-file-hover = { $file }의 이름에서 공백을 없애고 이 파일을 링크한 모든 글을 고칩니다
problems-this-post = 이 글: { $counts }
checking-site = 사이트를 검사하는 중…
undo-rename-hover = { $file }의 이름과 모든 글의 링크를 원래대로 되돌립니다
no-problems = 이 글에는 문제가 없습니다.
problems-whole-site = 사이트 전체: { $counts }

## Publish and git
git-detached = 분리된 HEAD
git-no-upstream = { $branch } (업스트림 없음)
git-ahead-behind = { $ahead ->
        [0] { $behind ->
            [0] { $branch }, 최신 상태
           *[other] { $branch }: 받을 커밋 { $behind }개
        }
       *[other] { $behind ->
            [0] { $branch }: 보낼 커밋 { $ahead }개
           *[other] { $branch }: 보낼 커밋 { $ahead }개, 받을 커밋 { $behind }개
        }
    }
reading-repository = 저장소를 읽는 중…
publish-needs-git = 게시하려면 git 2.30 이상과 git 저장소 안의 사이트가 필요합니다.
publish-branch = 브랜치: { $state }
finding-files = 이 글이 쓰는 파일을 찾는 중…
publish-summary = 파일 { $files }개, 모두 { $size }; 커밋할 것 { $changes }개
publish-saves-first = 글에 저장하지 않은 변경이 있어 커밋하기 전에 먼저 저장합니다.
publish-check-errors = 검사에서 오류 { $count }개를 찾았습니다. 게시된 페이지에 그대로 보입니다:
commits-to-push = 보낼 커밋 { $count }개
nothing-to-push = 보낼 커밋이 없습니다
no-upstream-hover = 이 브랜치에는 업스트림이 없습니다(또는 HEAD가 분리됨). 한 번 `git push -u origin 브랜치`로 푸시하세요
pull-hover = git 설정에 따라 fast-forward 또는 rebase 합니다
doing-commit-push = 커밋하고 푸시하는 중…
doing-commit = 커밋하는 중…
doing-push = 푸시하는 중…
doing-pull = 풀 하는 중…
committed = { $id } 커밋함: { $message } (파일 { $count }개)
not-committed = 커밋하지 않음: { $error }
nothing-to-commit = 커밋할 것이 없습니다: 글과 파일이 이미 그대로 커밋되어 있습니다
and-pushed = { $before }; 푸시함
and-not-pushed = { $before }; 푸시하지 않음: { $error }
pushed = 푸시함
not-pushed = 푸시하지 않음: { $error }
pulled-up-to-date = 풀 완료: 이미 최신 상태입니다
pulled = 풀 완료
not-pulled = 풀 하지 않음: { $error }

## Preview
preview-missing-image = 🖼 없는 이미지: { $target } ({ $why })
preview-remote-image = 🖼 외부 이미지, 불러오지 않음: { $url }
preview-liquid-image = 🖼 daybook이 계산할 수 없는 Liquid 이미지: { $expr }
preview-damaged-image = 🖼 { $file }을(를) 그릴 수 없습니다: 파일이 손상되었거나 잘렸습니다({ $error })
preview-unviewable-image = 🖼 그릴 수 없음: { $why }
picture-no-frames = 그림에 프레임이 없습니다
picture-no-canvas = 그리기에는 그림이 너무 큽니다({ $width }×{ $height } 픽셀)
details = 세부 정보
preview-not-shown = [{ $element }] 미리보기에 표시하지 않음: { $src }
preview-script = [script] 미리보기에서 실행하지 않음

## Window messages
choose-a-post = 왼쪽에서 글을 고르거나 “새 글”(Ctrl+N)로 만드세요.
front-matter = 머리말
paste-failed = 이미지 붙여넣기: { $error }
rename-undone = { $file }의 이름을 원래대로 되돌렸습니다
check-site-failed = 사이트 전체 검사: { $error }
sample-failed = 예제 일지를 만들 수 없습니다: { $error }
sample-no-data-folder = 예제 일지를 둘 데이터 폴더가 없습니다. `daybook 경로`로 사이트를 여세요.
no-site = 사이트 없음
photos-need-post = 먼저 글을 여세요: 사진은 글의 커서 위치에 링크됩니다.
live-photo-video = { $file }: Live Photo의 동영상이라 사진만 링크합니다
import-post-switched = 가져오는 동안 글이 바뀌었습니다. “사진” 창에서 링크를 복사하세요.
photos-linked = 커서 위치에 사진 { $count }장을 링크했습니다
publish-needs-post = 먼저 글을 여세요: 게시는 열린 글을 커밋합니다.
not-committed-errors = 커밋하지 않음: 글에 오류가 있습니다(또는 아직 확인 중입니다).
not-committed-not-saved = 커밋하지 않음: 글을 저장할 수 없었습니다.
not-committed-no-message = 커밋하지 않음: 커밋 메시지가 비어 있습니다.
saved = { $file } 저장함
not-saved-changed-on-disk = 저장하지 않음: 디스크의 파일이 바뀌었습니다. 내 글 유지, 디스크 것 받기, 비교 중에서 고르세요.
not-saved = 저장하지 않음: { $error }
created = { $file } 만듦
could-not-create = 글을 만들 수 없습니다: { $error }
not-a-post = { $file }은(는) 글이 아닙니다
renaming = { $file } 이름 바꾸는 중…
renamed = { $file }(으)로 이름을 바꾸고 이 글과 다른 글 { $others }개의 링크를 고쳤습니다
renamed-links-left = { $file }(으)로 이름을 바꾸고 다른 글 { $others }개의 링크를 고쳤습니다. 그동안 열린 글이 바뀌어 그 링크는 그대로 두었으니 고치기를 다시 쓰세요
fix-no-longer-applies = 고칠 자리의 글이 바뀌었습니다. 다시 검사한 뒤 고치기를 다시 해 보세요.
no-match = 찾는 내용이 없습니다
replaced = { $count }개 바꿈

## Workers
clipboard-wrong-size = 클립보드 이미지의 크기가 맞지 않습니다
too-many-pastes = { $folder }: 1초 안에 붙여넣은 이미지가 너무 많습니다
no-clipboard-image = 클립보드에 이미지가 없습니다 ({ $error })
picker-title = 사진 넣기
picker-filter = 사진
could-not-rename = { $file }의 이름을 바꿀 수 없습니다: { $error }
could-not-undo-rename = 이름 바꾸기를 되돌릴 수 없습니다: { $error }
no-such-file = 사이트에 그런 파일이 없음
outside-the-site = 사이트 밖
watch-polling = 사이트를 지켜볼 수 없어({ $error }) 1초마다 변경을 확인합니다
watch-overflow = 변경 대기열이 넘쳐 사이트를 다시 읽었습니다
watch-error = 지켜보기에서 오류가 나서({ $error }) 사이트를 다시 읽었습니다
decoders-stopped = 사진을 읽는 스레드가 멈췄습니다

## Check rules (problem texts and fixes)
rule-front-matter-invalid = { $error }. Jekyll이 이 글을 빌드할 수 없습니다
rule-missing-title = `title:`이 없습니다: 페이지 제목과 브라우저 탭에 파일 이름이 대신 나옵니다
fix-set-title = 제목을 “{ $title }”(으)로
rule-missing-layout = `layout:`도 없고 _config.yml에 글의 기본 레이아웃도 없습니다: 사이트 디자인 없이 게시됩니다
fix-set-layout = layout: post 넣기
rule-unpublished = `published: false`: Jekyll이 이 글을 게시하지 않습니다
rule-invalid-date = `date: { $date }`는 Jekyll이 읽을 수 있는 날짜가 아닙니다. 빌드가 “Invalid date”로 멈춥니다
fix-local-time = 현지 시각이면: { $date }
fix-utc = UTC이면: +0000
rule-date-without-offset = `date: { $date }`에 시간대가 없습니다: Jekyll은 UTC로 읽어 사이트 시간대로 { $shown }에 게시합니다
rule-date-mismatch = 사이트 시간대로 날짜는 { $date }인데 파일 이름은 { $name }입니다. Jekyll은 주소에 날짜를 씁니다
rule-future-date = 미래 날짜({ $date }): 기본 Jekyll은 그때까지 건너뜁니다(GitHub Pages는 빌드합니다)
fix-write-alt = 대체 텍스트 쓰기 ("{ $alt }")
rule-no-alt-text = 이미지에 대체 텍스트가 없습니다: 화면 낭독기 사용자와 검색을 위해 무엇이 보이는지 적으세요
rule-camera-alt-text = 이미지의 대체 텍스트가 카메라 파일 이름(`{ $alt }`)입니다: 화면 낭독기 사용자와 검색을 위해 무엇이 보이는지 적으세요
rule-unresolved-image = 이미지 주소 `{ $expr }`에 daybook이 계산할 수 없는 Liquid가 있어 검사하지 않았습니다
rule-backslash-image-path = `{ $src }`에 `\`가 있습니다: 브라우저는 `/`로 읽지만 마크다운 도구와 다른 호스트는 그렇지 않습니다
fix-use-slash = \ 대신 / 쓰기
rule-remote-image = 외부 이미지 { $url }: 여기서 검사하지 않고 미리보기에도 보이지 않습니다
rule-missing-image-unpublished = 이미지가 보이지 않습니다: /{ $file }은(는) 사이트 폴더에 있지만 게시되지 않습니다({ $reason })
unknown = 알 수 없음
rule-missing-image-relative = `{ $url }`는 글 주소({ $post_url }) 기준 상대 경로라서 게시된 페이지는 없는 파일 /{ $file }을(를) 찾습니다
rule-missing-image = 이미지가 보이지 않습니다: 사이트에 /{ $file }이(가) 없습니다
rule-liquid-limit = Liquid가 `{ $tag }`에서 멈췄습니다: { $limit ->
    [nesting] 서로 안에 든 태그 수(100)
    [iterations] 반복 횟수(100,000)
    [includes] 포함 파일 펼침 수(2,000)
   *[output] 만든 글 크기(16 MB)
}의 한도를 넘었습니다. { $limit ->
    [nesting] 그 안의 내용은
   *[other] 그 뒤는
} 미리보기에 보이지 않습니다
rule-heic-on-page = /{ $file }은(는) { $format } 파일이라 Safari에서만 보입니다. Chrome, Edge, Firefox 독자에게는 깨진 이미지로 보입니다(JPEG나 WebP로 바꾸세요)
rule-unreadable-image-empty = 이미지가 보이지 않습니다: /{ $file }은(는) 빈 파일입니다
rule-unreadable-image-not-image = 이미지가 보이지 않습니다: /{ $file }은(는) 브라우저가 읽을 수 있는 그림이 아닙니다(손상되었거나 다른 종류의 파일)
rule-unreadable-image-format = 이미지가 보이지 않습니다: /{ $file }은(는) 어떤 브라우저도 보여 주지 않는 { $format } 파일입니다
rule-baseurl-image = `{ $url }`에 사이트의 baseurl `{ $baseurl }`이(가) 빠졌습니다: 사이트를 도메인 최상위에서 열 때만 보입니다
rule-outside-site-image = 이미지가 보이지 않습니다: { $url }은(는) 사이트 밖입니다(baseurl `{ $baseurl }`)
fix-wrap-path = 경로를 <…>로 감싸기
rule-spaced-image-url = 이미지 경로에 공백이 있습니다: Jekyll은 보여 주지만 CommonMark 렌더러와 GitHub 파일 보기는 그렇지 않습니다
fix-replace-one = 1을 !로 바꾸기
fix-make-image = 이미지로 만들기
rule-image-as-link = `[{ $text }]({ $target })`는 이미지를 링크하지만 글자로 보입니다: `!`가 빠졌습니다
fix-make-rooted = /{ $target }(으)로 고치기
fix-use-name = { $name } 쓰기
rule-unused-image = 어느 글이나 페이지에서도 쓰지 않습니다({ $size }. 쓰지 않는 이미지 { $count }개가 모두 { $total })

## Site
publish-large-image = { $file }은(는) { $size }입니다(`daybook: max_image_kb`의 { $limit } KB 초과)
publish-ignored-file = { $file }은(는) git이 무시합니다(.gitignore): 게시된 페이지에는 없습니다
publish-too-large = 글과 파일이 모두 { $size }입니다(20 MB 초과)
commit-add-post = 글 추가: { $title }
commit-update-post = 글 수정: { $title }
could-not-run-git = git을 실행할 수 없습니다: { $error }
excluded-by-config = _config.yml의 `exclude:`로 빠짐
not-published-prefix = Jekyll은 `{ $part }`을(를) 게시하지 않습니다: `{ $prefix }`(으)로 시작합니다
check-worker-stopped = 검사 작업이 멈춰({ $error }) 검사를 끝내지 못했습니다
staged-not-utf8 = { $file }: 스테이징된 내용이 올바른 UTF-8이 아닙니다
config-unreadable = _config.yml을 읽을 수 없어({ $error }) 기본값을 씁니다
config-not-utf8 = _config.yml이 UTF-8 텍스트가 아니어서 기본값을 씁니다
config-invalid-yaml = _config.yml { $line }번째 줄: { $error }. 기본 설정을 씁니다
config-duplicate-key = _config.yml { $line }번째 줄: `{ $key }`이(가) 두 번 설정되어 있습니다. Jekyll처럼 마지막 값을 씁니다
config-not-a-map = _config.yml이 설정 목록이 아니어서 기본값을 씁니다
config-unknown-timezone = _config.yml: 알 수 없는 시간대 `{ $zone }`. 날짜에 이 컴퓨터의 시간대를 씁니다
config-bad-caption = _config.yml: daybook: caption: `{ $style }`은(는) emphasis, figure, none 중 하나가 아닙니다
config-unknown-rule = _config.yml daybook.rules: 알 수 없는 규칙 `{ $rule }`
config-bad-severity = _config.yml daybook.rules.{ $rule }: off, error, warning, info 중 하나를 쓰세요

## Errors
fm-unclosed = 1번째 줄의 `---`로 시작한 머리말이 닫히지 않습니다(닫는 `---` 줄이 없음)
fm-invalid-yaml = 머리말 { $line }번째 줄의 YAML이 잘못되었습니다: { $error }
fm-not-a-map = 머리말이 `키: 값` 줄의 목록이 아닙니다
fm-uneditable = `{ $key }`은(는) daybook이 안전하게 고칠 수 없는 형태로 쓰여 있습니다({ $why })
fm-own-field = 양식에 따로 칸이 있음
fm-complex-value = 블록 스칼라, 앵커, 별칭 또는 태그
site-not-utf8 = { $file }: 올바른 UTF-8 텍스트가 아닙니다({ $at }번째 바이트). daybook은 이 파일을 다시 쓰지 않습니다
site-not-a-site = { $file }: Jekyll 사이트가 아닙니다(여기나 위 폴더에 _posts/ 폴더나 _config.yml이 없음)
site-changed-on-disk = { $file }: 불러온 뒤 디스크에서 바뀌어 덮어쓰지 않았습니다
site-link-outside = { $file }은(는) 사이트 밖의 { $target }을(를) 가리키는 링크입니다. daybook은 그곳에 쓰지 않습니다
photo-unreadable = { $file }: 읽을 수 없습니다({ $error })
photo-not-an-image = { $file }: daybook이 읽을 수 있는 이미지가 아닙니다
photo-unsupported = { $file }: { $format } 사진은 지원하지 않습니다. 먼저 JPEG로 내보내세요
photo-no-decoder = { $file }: { $format } 사진에는 libheif가 필요한데 여기서 불러올 수 없습니다({ $error }). libheif를 설치하거나(Debian과 Ubuntu: apt install libheif1, Fedora: dnf install libheif, macOS: brew install libheif) 먼저 JPEG로 내보내세요
photo-corrupt = { $file }: 이미지가 손상되었거나 잘렸습니다({ $error })
photo-too-many-pixels = { $file }: 너무 큽니다({ $megapixels }메가픽셀. daybook은 { $limit }MP까지 받습니다)
photo-file-too-large = { $file }: { $megabytes } MB는 사진으로는 너무 큽니다. daybook은 { $limit } MB까지 받습니다
photo-cancelled = { $file }: 가져오지 않음 (가져오기를 멈춤)
photo-cannot-write = { $file }: 이미지 폴더에 쓸 수 없습니다({ $error })
git-not-installed = git이 설치되어 있지 않습니다(또는 PATH에 없음): { $error }
git-not-a-repository = { $file }은(는) git 저장소 안에 있지 않습니다
git-too-old = git { $version }은(는) 너무 오래되었습니다. daybook에는 git 2.30 이상이 필요합니다
outside-site-not-written = 사이트 밖이라 쓰지 않았습니다
too-many-posts-with-name = 이 이름의 글이 너무 많습니다
push-detached = HEAD가 분리되어 있습니다: 푸시하려면 브랜치를 체크아웃하세요
commit-detached = HEAD가 브랜치에 붙어 있지 않습니다: 여기서 커밋하면 다음 체크아웃 때 잃어버립니다. 브랜치를 체크아웃한 뒤(git switch main) 게시하세요
index-changed =
    { $output }
    커밋이 실패했고 git 인덱스가 전과 같지 않습니다: 다시 커밋하기 전에 `git status`를 확인하세요
git-refused = { $what }: { $why }
path-error = { $file }: { $error }
autosave-failed = { $file }의 복구본을 남기지 못했습니다: { $error }. 바뀐 내용을 지키려면 글을 저장하세요
window-title-post = { $post } — { $site } — daybook
window-title-site = { $site } — daybook
problem-line = { $path }:{ $line }: { $message } [{ $rule }]
push-no-upstream = 이 브랜치에는 업스트림이 없습니다: 한 번 `git push -u origin 브랜치`로 푸시하세요
push-rejected = 원격에 내게 없는 커밋이 있습니다: 먼저 풀 하세요(내 커밋은 남아 있습니다)
push-needs-credentials = 원격에 git이 저장하지 않은 인증 정보가 필요합니다: credential helper나 SSH 키를 설정한 뒤 다시 푸시하세요
heif-no-context = libheif가 컨텍스트를 만들지 못했습니다
heif-no-pixels = libheif가 픽셀을 돌려주지 않았습니다
heif-wrong-size = libheif가 돌려준 픽셀 수가 맞지 않습니다
index-bad-date = `date: { $date }`는 Jekyll이 읽을 수 있는 날짜가 아닙니다
index-stopped = 읽을 수 없습니다: 목록 작업이 멈췄습니다({ $error })
no-such-path = 그런 파일이나 폴더가 없습니다
no-image-information = 이미지 정보가 없습니다
decoded-wrong-size = 읽은 이미지의 크기가 맞지 않습니다
too-large-for-photo = 사진으로는 너무 큽니다
not-a-photo-format = { $format }은(는) daybook이 읽는 사진 형식이 아닙니다
not-an-image = 이미지가 아닙니다
import-stopped = 가져오기가 멈췄습니다
metadata-unreadable = 메타데이터를 지우려고 구조를 읽었지만 읽을 수 없었습니다
unsafe-file-name = 안전하지 않은 파일 이름
too-many-photos-with-name = 이 이름의 사진이 너무 많습니다
outside-recovery-folder = 복구 폴더 밖
outside-site-not-renamed = 사이트 밖이라 이름을 바꾸지 않았습니다
rename-unreadable-post = 이름을 바꾸지 않았습니다: 이 이미지에 링크했을 수 있는 글을 읽을 수 없어({ $error }) 링크가 깨집니다
rename-rollback-failed = 이름을 바꾸지 않았습니다({ $error }). 다음 글을 되돌리지 못해 이미지는 두 이름을 모두 가집니다: { $posts }
fm-too-many-aliases = YAML 별칭(`*name`)이 { $count }개입니다. daybook은 { $limit }개까지만 읽으므로 이 머리말을 받지 않습니다
ignored-hidden = Jekyll은 `{ $name }`을(를) 무시합니다: `_`나 `.`으로 시작하는 이름은 건너뜁니다
ignored-bad-name = Jekyll은 `{ $name }`을(를) 무시합니다: 글 파일 이름은 실제 날짜가 든 YYYY-MM-DD-제목.확장자여야 합니다
outside-sample = 예제 일지 밖
could-not-open-window = 창을 열 수 없습니다: { $error }

## Command line
cannot-read-index = git 인덱스를 읽을 수 없습니다: { $error }
cannot-read-staged = 스테이징된 글을 읽을 수 없습니다: { $error }
no-such-post = { $file }: 그런 글이 없습니다
cli-fix-hint = {" "}(고치기: { $fix })
hook-already-there = { $file }은(는) 이미 daybook check를 실행합니다
hook-not-text = { $file }은(는) 텍스트 파일이 아니어서 그대로 둡니다. 커밋 전에 글을 검사하려면 다음 줄을 직접 넣으세요:
    { $lines }
hook-outside-folder = { $file }: 훅 폴더 밖이라 쓰지 않았습니다
hook-added = { $file }이(가) 이제 daybook check --staged도 실행합니다
hook-installed = { $file }이(가) daybook check --staged를 실행합니다
cli-man-failed = 매뉴얼 페이지를 만들 수 없습니다: { $error }
cli-stdout-failed = 표준 출력에 쓸 수 없습니다: { $error }
cli-bad-date = --date `{ $date }`는 YYYY-MM-DD HH:MM 형식이 아닙니다
cli-empty-title = --title이 비어 있습니다
cli-not-committed-errors = 커밋하지 않음: 글에 오류가 { $count }개 있습니다. 고치거나 --allow-errors로 게시하세요
cli-bad-set-date = date `{ $date }`는 YYYY-MM-DD HH:MM[:SS] [+ZZZZ] 형식이 아닙니다
cli-ignored-post = { $file }: { $reason }. 글로 고치기 전에 이름을 바꾸세요
cli-not-key-value = `{ $field }`는 키=값 형식이 아닙니다
cli-empty-key = `{ $field }`의 키가 비어 있습니다
cli-not-saved = { $file }: 저장하지 않음: { $error }
cli-read-back = `{ $key }`을(를) 다시 읽으면 요청한 값이 아니라 { $got }이(가) 됩니다

## Widget labels (also what screen readers and the tests find)
fold-front-matter = 머리말 접기
yaml-syntax = { $line }번째 줄: { $error }
yaml-too-large = 별칭을 펼치면 값이 { $limit }개를 넘습니다
yaml-too-deep = { $line }번째 줄: { $limit }단계보다 깊게 중첩되어 있습니다
yaml-too-many-bytes = { $limit } MB보다 큽니다
config-refused = _config.yml을 받지 않습니다({ $error }). 기본 설정을 씁니다
data-refused = { $file }을(를) 읽지 않습니다({ $error }). site.data.{ $key }는 비어 있습니다
data-not-utf8 = UTF-8 텍스트가 아닙니다
heif-too-many-pixels = 사진이 { $megapixels }메가픽셀입니다. daybook은 { $limit }메가픽셀까지만 디코딩합니다
read-only-post = { $file }은(는) 사이트 밖의 { $target }을(를) 가리키는 링크입니다. daybook은 보여 주기만 하고 쓰지 않습니다(읽기 전용)
git-cancelled = { $what }을(를) 취소했습니다
not-committed-new-errors = 커밋하지 않았습니다. 커밋할 때 다시 검사하니 패널에 없던 오류가 있습니다:{ $errors }
cancel-git = 중지
cancel-git-hover = git과 git이 시작한 작업(네트워크를 기다리는 푸시나 풀)을 멈춥니다. 이미 만든 커밋은 그대로 둡니다
spelling-no-library = 맞춤법 검사에 필요한 Hunspell을 불러올 수 없습니다({ $error }). 사전과 함께 설치하세요(Debian·Ubuntu: apt install libhunspell-1.7-0 hunspell-ko hunspell-en-us, Fedora: dnf install hunspell hunspell-ko hunspell-en-US, macOS: brew install hunspell 후 ko_KR·en_US 사전을 ~/Library/Spelling에 두기)
spelling-no-dictionary = { $lang } 사전을 찾지 못했습니다({ $dirs }에서 찾음). 이 언어의 낱말은 검사하지 않습니다
spelling-message = `{ $word }`의 맞춤법이 틀렸을 수 있습니다
spelling-fix = `{ $word }`(으)로 바꾸기
spelling-word-added = `{ $word }`을(를) { $file }에 추가했습니다
spelling = 맞춤법 검사
spelling-hover = 편집기에서 맞춤법이 틀린 낱말에 밑줄을 긋습니다(시스템 Hunspell 사전으로 한국어와 영어). 오른쪽 클릭하면 고칠 말을 보여 줍니다
spelling-problems = 맞춤법
spelling-problems-hover = 맞춤법이 틀린 낱말을 문제 목록에 보입니다
ignore-word = 이 글에서 무시
add-word = 내 사전에 추가
add-site-word = 이 사이트 낱말에 추가
spelling-no-suggestions = 고칠 말이 없습니다
spelling-looking = 고칠 말을 찾는 중…
webp-not-encoded = libwebp가 사진을 인코딩하지 못했습니다
config-bad-photo-format = _config.yml: daybook: photo_format `{ $format }`은(는) jpeg, webp, keep 중 하나가 아닙니다. jpeg를 씁니다
bad-photo-format = `{ $format }`은(는) 사진 형식(jpeg, webp, keep)이 아닙니다
bad-insert-as = `{ $how }`은(는) lines, figure, gallery 중 하나가 아닙니다
rule-page-weight = 이 페이지는 로컬 그림 { $count }개, { $kb } KB를 불러옵니다. 사이트 예산 { $budget } KB(_config.yml의 `daybook: page_weight_kb`)를 넘습니다. WebP로 가져오거나(`attach --format webp`) 줄이거나 글을 나누세요
photo-weight = 사진 { $count }장 · { $kb } KB
photo-weight-hover = 게시된 페이지가 불러오는 로컬 그림과 그 합계 크기(사이트 예산: _config.yml의 daybook: page_weight_kb)
insert-as = 넣는 방식
insert-as-lines = 한 줄씩
insert-as-lines-hover = 사진마다 마크다운 이미지 한 줄, 설명은 사이트 방식대로
insert-as-figure = figure
insert-as-figure-hover = 사진마다 <figure>, 설명은 <figcaption>. 모든 <img>에 너비·높이·지연 로딩
insert-as-gallery = 갤러리
insert-as-gallery-hover = 사진 전체를 갤러리 하나로. 플러그인 없이 GitHub Pages에서 보이는 HTML(격자로 놓는 CSS 몇 줄은 README에 있음)
photo-format = 사진 형식
photo-format-jpeg = JPEG로
photo-format-webp = WebP로
photo-format-keep = 원래 형식
photo-format-by-site = _config.yml의 daybook: photo_format으로 정해짐
rule-oversized-image = { $file }의 너비는 { $width } px로, 보이는 너비 { $shown } px의 두 배가 넘습니다. 독자는 보지도 않을 픽셀을 내려받습니다(줄여서 다시 가져오거나 daybook: content_width를 테마의 본문 너비로 맞추세요)
gallery-form = 갤러리:
gallery-include = 사이트의 { $name }
gallery-include-hover = {"{"}% include { $name } { $param }="…" %{"}"}로 씁니다. 사진 목록을 받는 사이트 자체 갤러리 include입니다
gallery-plain = daybook의 HTML
gallery-plain-hover = figure를 담은 <div class="daybook-gallery">, 평범한 HTML(격자로 놓는 CSS는 README에 있음)
no-such-gallery = _includes/에 사진 목록을 받는 갤러리 include `{ $name }`이(가) 없습니다(또는 --gallery plain)
gallery-chosen = 갤러리: 사이트의 _includes/{ $name }에 맞춰 썼습니다(daybook의 HTML은 --gallery plain)

## Theme preview (`daybook serve`, Preview in theme)
serve-no-ruby = Ruby가 설치되어 있지 않아 사이트의 Jekyll을 실행할 수 없습니다. 설치 명령: { $install }
serve-no-jekyll = Jekyll이 설치되어 있지 않습니다. 설치 명령: { $install }
serve-jekyll-failed = Jekyll을 실행할 수 없습니다: { $error }
serve-io = 테마 미리보기에 실패했습니다: { $error }
serve-no-cache = 테마 미리보기에 쓸 캐시 폴더가 없습니다.
serve-port = 127.0.0.1에서 테마 미리보기용 포트를 열 수 없습니다: { $error }
serve-already = 이 사이트는 이미 { $url } 에서 테마로 미리보기 중입니다 (daybook 프로세스 { $pid }). 그쪽을 먼저 멈추세요.
serve-preparing = 사이트를 daybook 캐시 폴더로 복사하고 Jekyll을 시작합니다…
serve-using = { $version } ({ $how })(으)로 빌드합니다.
serve-pages = GitHub Pages와 같이 빌드합니다: 안전 모드, Pages 플러그인만.
serve-pages-not-run = GitHub Pages와 같이 안전 모드로 빌드합니다. Pages가 실행하지 않는 플러그인: { $plugins }
serve-runs-site-code = Jekyll이 사이트 자체의 Ruby 코드(_plugins/, Gemfile의 gem)를 실행합니다.
serve-built = { $seconds }초 만에 빌드했습니다 ({ $kind }).
serve-no-browser = 브라우저를 열 수 없습니다: { $url } 을(를) 여세요
serve-failed = 빌드에 실패했습니다 (오류 { $count }개). 마지막으로 성공한 페이지를 계속 보여 줍니다:
serve-ended = Jekyll이 멈췄습니다 (종료 코드 { $code }). 다음 변경 때 다시 시작합니다.
theme-preview = 테마 미리보기
preview-in-theme = 테마로 미리보기
preview-in-theme-hover = 사이트 자체의 Jekyll로 글을 빌드해 사이트 테마로 된 페이지를 브라우저에서 엽니다 (Ctrl+Shift+P)
theme-menu = 테마
open-theme-page = 브라우저에서 페이지 열기
full-rebuild = 전체 다시 빌드
stop-theme = 멈추기
theme-trust-run = 사이트의 Jekyll 실행
theme-trust = 테마 미리보기는 이 사이트 자체의 Jekyll을 실행하며, 그와 함께 사이트의 Ruby 코드(_plugins/ 폴더와 Gemfile의 gem)도 실행합니다. 믿을 수 있는 사이트에서만 실행하세요. 사이트의 복사본을 daybook 캐시 폴더에서 빌드하며 { $site } 에는 아무것도 쓰지 않습니다.
theme-starting = 사이트를 복사하고 Jekyll을 시작하는 중…
theme-pages = GitHub Pages 안전 모드
theme-pages-not-run = GitHub Pages 안전 모드. Pages가 실행하지 않는 플러그인: { $plugins }
theme-building-full = 사이트 전체를 빌드하는 중…
theme-building = 바뀐 부분을 빌드하는 중…
theme-built = { $seconds }초 만에 빌드함
theme-failed = 빌드 실패 (오류 { $count }개): 마지막으로 성공한 페이지를 보여 줍니다
theme-failed-hover = 오류는 파일과 줄 번호와 함께 문제 패널에 나옵니다
theme-ended = Jekyll이 멈췄습니다 (종료 코드 { $code }). 다음 변경 때 다시 시작합니다
theme-open-hover = 이 페이지를 브라우저에서 엽니다
theme-lists-stale = 이 글을 나열하는 페이지 { $count }개는 오래되었을 수 있음
theme-lists-stale-hover = Jekyll의 증분 빌드는 바뀐 글만 다시 렌더링하고 글 목록 페이지는 다시 만들지 않습니다. 전체 다시 빌드하면 함께 렌더링됩니다.
problems-theme-build = 테마 미리보기 빌드: { $counts }
serve-built-full = 사이트 전체
serve-built-incremental = 바뀐 부분
gallery-front-matter-hover = { $tag }(으)로 쓰고, 사진은 앞머리의 { $key }: 목록에 넣습니다 (url, image_path, alt, 캡션은 title). minimal-mistakes 갤러리가 읽는 방식입니다
gallery-front-matter-taken = { $name }은(는) 앞머리의 gallery: 목록만 보여 주는데 이 글에는 이미 있습니다. 대신 daybook의 HTML로 씁니다
theme-failed-first = 빌드 실패 (오류 { $count }개): 고치면 페이지를 빌드합니다
