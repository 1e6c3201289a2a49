# daybook — English. Every message here has a Korean twin in ../ko/daybook.ftl with the same
# arguments; `cargo test` fails on a missing one.

## Widget labels (also what screen readers and the tests find)

editor = Post text
filter = Filter posts
title = Title
date = Date
categories = Categories
tags = Tags
layout = Layout
other-fields = Other front matter
new-post = New post
save = Save
preview = Preview
find = Find
problems = Problems
photos = Photos
photo-folder = Photo folder
photo-paths = Photo paths
insert-photos = Insert photos…
paste-image = Paste image
settings = Settings
autosave = Autosave unsaved text after
check-site = Check whole site
rename-file = Rename the file
new-title = New post title
new-categories = New post categories
new-tags = New post tags
new-date = New post date
replace = Replace with
not-published = Not published by Jekyll
undo-rename = Undo rename
publish = Publish
outline = Outline
recent-sites = Recent sites
photos-by-day = A heading per day
photos-done = Done
photo-include = Include { $name }
photo-thumbnail = Thumbnail of { $name }
photo-up = Move up { $name }
photo-down = Move down { $name }
photo-alt = Alt text of { $name }
photo-caption = Caption of { $name }
commit = Commit
commit-and-push = Commit and push
push = Push
pull = Pull
commit-message = Commit message
commit-anyway = Commit anyway
fold-front-matter = Fold front matter

## Toolbar and settings
settings-language = Language
language-system = System ({ $name })
settings-theme = Theme
theme-system = System
theme-light = Light
theme-dark = Dark
unit-seconds = {" "}s
unit-pixels = {" "}px
autosave-hover = Unsaved text goes to a recovery folder (never over the post) this long after typing stops; 0 turns it off
settings-imported-photos = Imported photos
settings-shrink = Shrink to a long edge of
settings-jpeg-quality = JPEG quality
settings-strip-metadata = Remove location and camera data
shortcut-new = New post (Ctrl+N)
shortcut-save = Save (Ctrl+S)
shortcut-undo = Undo (Ctrl+Z)
shortcut-redo = Redo (Ctrl+Shift+Z)
shortcut-find = Find (Ctrl+F)
undo = Undo
redo = Redo
view-editor = Editor
view-split = Split
view-preview = Preview only
problems-count = Problems ({ $count })
reload-list = Reload list
no-sites-yet = No sites yet
publish-button = Publish…
publish-hover = Commit this post with exactly its photos, then push (Ctrl+Shift+G)
git-branch = git: { $state }
files-count = { $count ->
    [one] { $count } file
    *[other] { $count } files
    }
files-not-published = { $count ->
    [one] { $count } file not committed or pushed
    *[other] { $count } files not committed or pushed
    }

## Disk: conflicts, deletions, recovery
conflict-bar = “{ $file }” changed on disk while you were editing it.
keep-mine = Keep mine
keep-mine-hover = Saving will then replace the file on disk
take-theirs = Take theirs
take-theirs-hover = Ctrl+Z brings your text back
compare = Compare
deleted-banner = “{ $file }” was deleted on disk. Your text is kept; Save writes the file again.
watching-title = Watching the site
ok = OK
restore-title = Restore unsaved text?
restore-body = daybook was closed without saving these posts. Their unsaved text was kept:
restore = Restore
discard = Discard
cannot-watch = cannot watch the site for changes ({ $error }); use Reload list
reloaded-from-disk = { $file } changed on disk and was reloaded (Ctrl+Z undoes it)
followed-rename = followed the rename to { $path }
keeping-yours = Keeping your text; saving will replace the file on disk
compare-conflict-title = { $file } — your text and the file on disk
compare-yours = Yours (unsaved)
compare-on-disk-now = On disk now
restore-over-unsaved = The open post has unsaved changes: save or discard them first, or compare the recovered text.
restored-changed-on-disk = Restored the unsaved text of { $file }; the post changed on disk since: keep mine, take theirs or compare
restored = Restored the unsaved text of { $file }
compare-recovery-title = { $file } — unsaved text and the file on disk
compare-recovered = Unsaved (recovered)
compare-on-disk = On disk

## New post and unsaved prompt
new-post-needs-title = Give the post a title.
new-post-bad-date = The date must be YYYY-MM-DD HH:MM.
new-post-kind = Kind
new-post-kind-post = Post (_posts)
new-post-kind-draft = Draft (_drafts)
new-post-file-name = File name
slug-keep-korean = Keep Korean
slug-ascii = ASCII (romanised)
new-post-file = File: { $file }
new-post-url = URL: { $url }
new-post-url-draft = URL: { $url } (once published)
create = Create
cancel = Cancel
unsaved-title = Unsaved changes
unsaved-body = “{ $file }” has changes that are not saved.
save-changes = Save changes
discard-changes = Discard changes

## Find, form, sidebar, outline, status bar
find-next = Next
replace-one = Replace
replace-all = Replace all
close = Close
front-matter-error = Front matter: { $error }. Fix it in the text below.
date-format = YYYY-MM-DD HH:MM[:SS] [+ZZZZ]
not-a-date = Not a date: { $error }
other-fields-hint = Raw YAML lines for the keys above the form does not show
no-headings = No headings in this post.
untitled-heading = (untitled heading)
marker-draft = draft
marker-unpublished = unpublished
marker-future = future
marker-error = ⚠ error
filter-hint = Title, category, tag…
no-posts-yet = No posts yet. Ctrl+N makes one.
no-post-matches = No post matches the filter.
hide = hide
show = show
no-date = no date
save-state-saved = Saved
save-state-unsaved = Unsaved changes
save-state-autosaved = Unsaved changes (kept for recovery)
save-state-not-kept = Unsaved changes (no recovery copy: save to keep them)
save-state-changed-on-disk = Changed on disk
save-state-deleted-on-disk = Deleted on disk
text-stats = { $chars } characters ({ $without_spaces } without spaces) · { $words } words · { $minutes } min read
text-stats-hover = Counted on the page as published: no Markdown, front matter or HTML tags. Words are the pieces between spaces (Korean 어절).
caret-position = Ln { $line }, Col { $column }
preparing-preview = Preparing the preview…
path-committed = committed
path-unpushed = not pushed
path-new = new
path-modified = modified
path-deleted = deleted
path-conflicted = conflict
path-ignored = ignored
fold-front-matter-hover = Hide the front matter in the editor: the form above shows it
front-matter-folded = { $lines ->
    [one] --- front matter: 1 line, folded ---
    *[other] --- front matter: { $lines } lines, folded ---
    }
front-matter-folded-hover = Click to show it in the editor

## Photos
drop-photos = Drop photos to copy them into { $folder }
    and link them at the cursor
drop-photos-no-post = Open a post first: photos are linked at its cursor
insert-photos-hover = Ctrl+Shift+I — or drop photos on the window, or paste copied files
paste-image-hover = Ctrl+Shift+V: a screenshot or copied picture
import-progress = Into { $folder } — { $done } of { $total }
import-now = Now: { $name }
photos-by-day-hover = A heading such as “## May 3” before the first photo of each day
import-detached = The links were changed in the post: choices here no longer change them.
import-done = Done: { $linked } linked ({ $reused } already there), { $failed } failed
import-links = Links
no-capture-time = no capture time
photo-failed = {" "}— failed
up = Up
down = Down
move-earlier = Move earlier in the post
move-later = Move later in the post
caption-hint = caption (optional)
no-file-dialog = No file dialog is available on this desktop. Paste or type photo paths, one per line:
import = Import

## Problems panel
severity-error = error
severity-warning = warning
severity-info = info
problem-counts = { $errors ->
    [one] 1 error
    *[other] { $errors } errors
    }, { $warnings ->
    [one] 1 warning
    *[other] { $warnings } warnings
    }, { $notes ->
    [one] 1 note
    *[other] { $notes } notes
    }
go-to-line = Go to the line
rename-file-hover = Rename { $file } without spaces and update every post that links to it
problems-this-post = this post: { $counts }
checking-site = Checking the site…
undo-rename-hover = Give { $file } its old name back, and every post its old link
no-problems = No problems in this post.
problems-whole-site = Whole site: { $counts }

## Publish and git
git-detached = detached HEAD
git-no-upstream = { $branch } (no upstream)
git-ahead-behind = { $ahead ->
        [0] { $behind ->
            [0] { $branch }, up to date
           *[other] { $branch }: { $behind } to pull
        }
       *[other] { $behind ->
            [0] { $branch }: { $ahead } to push
           *[other] { $branch }: { $ahead } to push, { $behind } to pull
        }
    }
reading-repository = Reading the repository…
publish-needs-git = Publishing needs git 2.30 or newer and a site inside a git repository.
publish-branch = Branch: { $state }
finding-files = Finding the files this post uses…
publish-summary = { $files ->
    [one] 1 file
    *[other] { $files } files
    }, { $size } in all; { $changes } to commit
publish-saves-first = The post has unsaved changes: committing saves it first.
publish-check-errors = { $count ->
    [one] The check finds 1 error; the published page would show it:
    *[other] The check finds { $count } errors; the published page would show them:
    }
commits-to-push = { $count ->
    [one] 1 commit to push
    *[other] { $count } commits to push
    }
nothing-to-push = Nothing to push
no-upstream-hover = This branch has no upstream (or HEAD is detached): push it once with `git push -u origin BRANCH`
pull-hover = Fast-forwards or rebases as your git config says
doing-commit-push = Committing and pushing…
doing-commit = Committing…
doing-push = Pushing…
doing-pull = Pulling…
committed = { $count ->
    [one] Committed { $id }: { $message } (1 file)
    *[other] Committed { $id }: { $message } ({ $count } files)
    }
not-committed = Not committed: { $error }
nothing-to-commit = Nothing to commit: the post and its files are committed as they are
and-pushed = { $before }; pushed
and-not-pushed = { $before }; not pushed: { $error }
pushed = Pushed
not-pushed = Not pushed: { $error }
pulled-up-to-date = Pulled: already up to date
pulled = Pulled
not-pulled = Not pulled: { $error }

## Preview
preview-missing-image = 🖼 missing image: { $target } ({ $why })
preview-remote-image = 🖼 remote image, not loaded: { $url }
preview-liquid-image = 🖼 image from Liquid daybook cannot evaluate: { $expr }
preview-damaged-image = 🖼 { $file } cannot be drawn: the file is damaged or cut short ({ $error })
preview-unviewable-image = 🖼 cannot be drawn: { $why }
picture-no-frames = the picture has no frames
picture-no-canvas = the picture is too large to draw ({ $width }×{ $height } pixels)
details = Details
preview-not-shown = [{ $element }] not shown in the preview: { $src }
preview-script = [script] not run in the preview

## Window messages
choose-a-post = Choose a post on the left, or make one with New post (Ctrl+N).
front-matter = Front matter
paste-failed = Paste image: { $error }
rename-undone = { $file } has its old name again
check-site-failed = Check whole site: { $error }
sample-failed = Could not set up the sample journal: { $error }
sample-no-data-folder = No data folder to put the sample journal in; open a site with `daybook PATH`.
no-site = no site
photos-need-post = Open a post first: photos are linked at its cursor.
live-photo-video = { $file }: the video of a Live Photo; its still is linked
import-post-switched = The post was switched during the import: copy the links from the Photos window.
photos-linked = { $count ->
    [one] Linked 1 photo at the cursor
    *[other] Linked { $count } photos at the cursor
    }
publish-needs-post = Open a post first: Publish commits the open post.
not-committed-errors = Not committed: the post has errors (or is not planned yet).
not-committed-not-saved = Not committed: the post could not be saved.
not-committed-no-message = Not committed: the commit message is empty.
saved = Saved { $file }
not-saved-changed-on-disk = Not saved: the file changed on disk. Keep mine, take theirs or compare.
not-saved = Not saved: { $error }
created = Created { $file }
could-not-create = Could not create the post: { $error }
not-a-post = { $file } is not a post
renaming = Renaming { $file }…
renamed = Renamed to { $file }; links updated here and in { $others } other posts
renamed-links-left = Renamed to { $file }; links updated here and in { $others } other posts; the open post changed meanwhile, so its links were left: use the fix again
fix-no-longer-applies = The post changed where this fix applies; check again and retry the fix.
no-match = No match
replaced = Replaced { $count }

## Workers
clipboard-wrong-size = the clipboard image has the wrong size
too-many-pastes = { $folder }: too many pasted images this second
no-clipboard-image = no image on the clipboard ({ $error })
picker-title = Insert photos
picker-filter = Photos
could-not-rename = Could not rename { $file }: { $error }
could-not-undo-rename = Could not undo the rename: { $error }
no-such-file = no such file in the site
outside-the-site = outside the site
watch-polling = cannot watch the site ({ $error }); checking for changes every second
watch-overflow = the change queue overflowed; the site was read again
watch-error = watching reported an error ({ $error }); the site was read again
decoders-stopped = the photo decoding threads stopped

## Check rules (problem texts and fixes)
rule-front-matter-invalid = { $error }; Jekyll cannot build this post
rule-missing-title = no `title:`: the page heading and the browser tab fall back to the file name
fix-set-title = Set the title to “{ $title }”
rule-missing-layout = no `layout:` and no default layout for posts in _config.yml: the page is published without the site's design
fix-set-layout = Set layout: post
rule-unpublished = `published: false`: Jekyll will not publish this post
rule-invalid-date = `date: { $date }` is not a date Jekyll can read; the build stops with “Invalid date”
fix-local-time = It is local time: write { $date }
fix-utc = It is UTC: write +0000
rule-date-without-offset = `date: { $date }` has no offset: Jekyll reads it as UTC and publishes it as { $shown } in the site's zone
rule-date-mismatch = the date is { $date } in the site's zone but the file name says { $name }; Jekyll uses the date for the URL
rule-future-date = dated in the future ({ $date }): plain Jekyll skips it until then (GitHub Pages builds it)
fix-write-alt = Write an alt text ("{ $alt }")
rule-no-alt-text = image has no alt text: say what it shows, for readers of screen readers and for search
rule-camera-alt-text = image has a camera's file name as its alt text (`{ $alt }`): say what it shows, for readers of screen readers and for search
rule-unresolved-image = image URL `{ $expr }` uses Liquid daybook cannot evaluate: not checked
rule-backslash-image-path = `{ $src }` uses `\`: browsers read it as `/`, but Markdown tools and other hosts do not
fix-use-slash = Use / instead of \
rule-remote-image = remote image { $url }: not checked here and not shown in the preview
rule-missing-image-unpublished = image will not show: /{ $file } is in the site folder but not published ({ $reason })
unknown = unknown
rule-missing-image-relative = `{ $url }` is relative to the post's URL ({ $post_url }), so the published page looks for /{ $file }, which does not exist
rule-missing-image = image will not show: /{ $file } does not exist in the site
rule-liquid-limit = Liquid stopped at `{ $tag }`: it passed daybook's limit on { $limit ->
    [nesting] tags nested inside each other (100)
    [iterations] loop iterations (100,000)
    [includes] includes expanded (2,000)
   *[output] text written (16 MB)
}; { $limit ->
    [nesting] what it holds is
   *[other] what follows is
} not shown in the preview
rule-heic-on-page = only Safari shows /{ $file }: it is a { $format } file, so readers on Chrome, Edge and Firefox see a broken image (convert it to JPEG or WebP)
rule-unreadable-image-empty = image will not show: /{ $file } is an empty file
rule-unreadable-image-not-image = image will not show: /{ $file } is not a picture a browser can read (damaged, or another kind of file)
rule-unreadable-image-format = image will not show: /{ $file } is a { $format } file, which no browser shows
rule-baseurl-image = `{ $url }` leaves out the site's baseurl `{ $baseurl }`: it shows only where the site is served from the domain's root
rule-outside-site-image = image will not show: { $url } is outside the site (baseurl `{ $baseurl }`)
fix-wrap-path = Wrap the path in <…>
rule-spaced-image-url = image path with spaces: Jekyll shows it, but CommonMark renderers and GitHub's file view do not
fix-replace-one = Replace the 1 with !
fix-make-image = Make it an image
rule-image-as-link = `[{ $text }]({ $target })` links to an image but shows as text: a `!` is missing
fix-make-rooted = Make it /{ $target }
fix-use-name = Use { $name }
rule-unused-image = not used by any post or page ({ $size }; { $count } unused images take { $total } in all)

## Site
publish-large-image = { $file } is { $size } (over the { $limit } KB of `daybook: max_image_kb`)
publish-ignored-file = { $file } is ignored by git (.gitignore): the published page will not have it
publish-too-large = the post and its files take { $size } in all (over 20 MB)
commit-add-post = Add post: { $title }
commit-update-post = Update post: { $title }
could-not-run-git = could not run git: { $error }
excluded-by-config = excluded by `exclude:` in _config.yml
not-published-prefix = Jekyll does not publish `{ $part }`: it starts with `{ $prefix }`
check-worker-stopped = a check worker stopped ({ $error }); the check did not finish
staged-not-utf8 = { $file }: staged text is not valid UTF-8
config-unreadable = _config.yml could not be read ({ $error }); using defaults
config-not-utf8 = _config.yml is not UTF-8 text; using defaults
config-invalid-yaml = _config.yml line { $line }: { $error }; using default settings
config-duplicate-key = _config.yml line { $line }: `{ $key }` is set twice; Jekyll uses the last value, and so does daybook
config-not-a-map = _config.yml is not a list of settings; using defaults
config-unknown-timezone = _config.yml: unknown timezone `{ $zone }`; dates use this computer's zone
config-bad-caption = _config.yml: daybook: caption: `{ $style }` is not emphasis, figure or none
config-unknown-rule = _config.yml daybook.rules: unknown rule `{ $rule }`
config-bad-severity = _config.yml daybook.rules.{ $rule }: use off, error, warning or info

## Errors
fm-unclosed = the front matter opened with `---` on line 1 never closes (no closing `---` line)
fm-invalid-yaml = invalid YAML in the front matter at line { $line }: { $error }
fm-not-a-map = the front matter is not a list of `key: value` lines
fm-uneditable = `{ $key }` is written in a form daybook cannot edit safely ({ $why })
fm-own-field = it has its own field in the form
fm-complex-value = a block scalar, anchor, alias or tag
site-not-utf8 = { $file }: not valid UTF-8 text (byte { $at }); daybook will not rewrite it
site-not-a-site = { $file }: not a Jekyll site (no _posts/ folder or _config.yml here or above)
site-changed-on-disk = { $file }: changed on disk since it was loaded; not overwritten
site-link-outside = { $file } is a link to { $target }, outside the site: daybook does not write there
photo-unreadable = { $file }: cannot read it ({ $error })
photo-not-an-image = { $file }: not an image daybook can read
photo-unsupported = { $file }: { $format } photos are not supported; export it as JPEG first
photo-no-decoder = { $file }: { $format } photos need libheif, which could not be loaded here ({ $error }); install libheif (Debian and Ubuntu: apt install libheif1; Fedora: dnf install libheif; macOS: brew install libheif), or export it as JPEG first
photo-corrupt = { $file }: the image is damaged or truncated ({ $error })
photo-too-many-pixels = { $file }: too large ({ $megapixels } megapixels; daybook takes photos up to { $limit } MP)
photo-file-too-large = { $file }: { $megabytes } MB is too large for a photo; daybook takes files up to { $limit } MB
photo-cancelled = { $file }: not imported (the import was stopped)
photo-cannot-write = { $file }: cannot write into the images folder ({ $error })
git-not-installed = git is not installed (or not on PATH): { $error }
git-not-a-repository = { $file } is not inside a git repository
git-too-old = git { $version } is too old; daybook needs git 2.30 or newer
outside-site-not-written = outside the site; not written
too-many-posts-with-name = too many posts with this name
push-detached = HEAD is detached: check out a branch to push
commit-detached = HEAD is detached: a commit here would be lost at the next checkout. Check out a branch (git switch main), then publish
index-changed =
    { $output }
    The commit failed and git's index is not as it was before: check `git status` before committing again
git-refused = { $what }: { $why }
path-error = { $file }: { $error }
autosave-failed = Could not keep a recovery copy of { $file }: { $error }. Save the post to keep your changes
window-title-post = { $post } — { $site } — daybook
window-title-site = { $site } — daybook
problem-line = { $path }:{ $line }: { $message } [{ $rule }]
push-no-upstream = this branch has no upstream: push it once with `git push -u origin BRANCH`
push-rejected = the remote has commits you do not have: pull first (your commit is kept)
push-needs-credentials = the remote needs credentials git has not stored: set up a credential helper or an SSH key, then push again
heif-no-context = libheif could not allocate a context
heif-no-pixels = libheif returned no pixels
heif-wrong-size = libheif returned the wrong number of pixels
index-bad-date = `date: { $date }` is not a date Jekyll can read
index-stopped = could not be read: the indexer stopped ({ $error })
no-such-path = no such file or folder
no-image-information = no image information
decoded-wrong-size = the decoded image has the wrong size
too-large-for-photo = too large to be a photo
not-a-photo-format = { $format } is not a photo format daybook reads
not-an-image = not an image
import-stopped = import stopped
metadata-unreadable = its structure could not be read to remove its metadata
unsafe-file-name = unsafe file name
too-many-photos-with-name = too many photos with this name
outside-recovery-folder = outside the recovery folder
outside-site-not-renamed = outside the site; not renamed
rename-unreadable-post = not renamed: a post that may link to the image cannot be read ({ $error }), and its links would break
rename-rollback-failed = not renamed ({ $error }), and these posts could not be put back, so the image keeps both names: { $posts }
fm-too-many-aliases = { $count } YAML aliases (`*name`); daybook reads at most { $limit }, so this front matter is refused
ignored-hidden = Jekyll ignores `{ $name }`: names starting with `_` or `.` are skipped
ignored-bad-name = Jekyll ignores `{ $name }`: a post's file name must be YYYY-MM-DD-title.ext with a real date
outside-sample = outside the sample journal
could-not-open-window = could not open the window: { $error }

## Command line
cannot-read-index = cannot read git's index: { $error }
cannot-read-staged = cannot read the staged posts: { $error }
no-such-post = { $file }: no such post
cli-fix-hint = {" "}(fix: { $fix })
hook-already-there = { $file } already runs daybook check
hook-not-text = { $file } is not a text file, so daybook leaves it as it is; to check posts before each commit, add these lines to it yourself:
    { $lines }
hook-outside-folder = { $file }: outside the hooks folder; not written
hook-added = { $file } now also runs daybook check --staged
hook-installed = { $file } runs daybook check --staged
cli-man-failed = could not make the manual page: { $error }
cli-stdout-failed = could not write to standard output: { $error }
cli-bad-date = --date `{ $date }` is not YYYY-MM-DD HH:MM
cli-empty-title = --title is empty
cli-not-committed-errors = { $count ->
    [one] not committed: the post has 1 error; fix it, or publish with --allow-errors
    *[other] not committed: the post has { $count } errors; fix them, or publish with --allow-errors
    }
cli-bad-set-date = date `{ $date }` is not YYYY-MM-DD HH:MM[:SS] [+ZZZZ]
cli-ignored-post = { $file }: { $reason }; rename it before editing it as a post
cli-not-key-value = `{ $field }` is not KEY=VALUE
cli-empty-key = `{ $field }` has an empty key
cli-not-saved = { $file }: not saved: { $error }
cli-read-back = `{ $key }` would read back as { $got }, not as what was asked
yaml-syntax = line { $line }: { $error }
yaml-too-large = its aliases expand to more than { $limit } values
yaml-too-deep = line { $line }: nested more than { $limit } levels deep
yaml-too-many-bytes = larger than { $limit } MB
config-refused = _config.yml is refused ({ $error }); using default settings
data-refused = { $file } is not read ({ $error }); site.data.{ $key } stays empty
data-not-utf8 = not UTF-8 text
heif-too-many-pixels = the picture holds { $megapixels } megapixels; daybook decodes at most { $limit }
read-only-post = { $file } is a link to { $target }, outside the site: daybook shows it but never writes it (read-only)
git-cancelled = { $what } was cancelled
not-committed-new-errors = Not committed: checked again at commit time, the post has errors the panel had not shown:{ $errors }
cancel-git = Stop
cancel-git-hover = Stop git and what it started (a push or pull waiting on the network); a commit already made stays
spelling-no-library = spelling needs Hunspell, which could not be loaded here ({ $error }); install it with its dictionaries (Debian and Ubuntu: apt install libhunspell-1.7-0 hunspell-ko hunspell-en-us; Fedora: dnf install hunspell hunspell-ko hunspell-en-US; macOS: brew install hunspell, and put ko_KR and en_US dictionaries in ~/Library/Spelling)
spelling-no-dictionary = no { $lang } dictionary was found (looked in { $dirs }); words in it are not checked
spelling-message = `{ $word }` may be misspelt
spelling-fix = Replace with `{ $word }`
spelling-word-added = `{ $word }` added to { $file }
spelling = Check spelling
spelling-hover = Underline misspelt words in the editor (Korean and English, with the system's Hunspell dictionaries); right-click one for suggestions
spelling-problems = Spelling
spelling-problems-hover = List misspelt words among the problems
ignore-word = Ignore in this post
add-word = Add to my dictionary
add-site-word = Add to this site's words
spelling-no-suggestions = No suggestions
spelling-looking = Looking for suggestions…
webp-not-encoded = libwebp could not encode the photo
config-bad-photo-format = _config.yml: daybook: photo_format `{ $format }` is not jpeg, webp or keep; using jpeg
bad-photo-format = `{ $format }` is not a photo format (jpeg, webp or keep)
bad-insert-as = `{ $how }` is not lines, figure or gallery
rule-page-weight = the page loads { $count } local pictures weighing { $kb } KB, more than the site's budget of { $budget } KB (`daybook: page_weight_kb` in _config.yml): import them as WebP (`attach --format webp`), shrink them, or split the post
photo-weight = { $count } photos · { $kb } KB
photo-weight-hover = The local pictures the published page loads and what they weigh together (the site's budget: daybook: page_weight_kb in _config.yml)
insert-as = Insert as
insert-as-lines = Lines
insert-as-lines-hover = A Markdown image a line, captions in the site's style
insert-as-figure = Figures
insert-as-figure-hover = A <figure> each, its caption a <figcaption>; every <img> with its width, height and lazy loading
insert-as-gallery = Gallery
insert-as-gallery-hover = One gallery of the photos, plain HTML that renders on GitHub Pages without a plugin (the README shows the few lines of CSS that lay it out as a grid)
photo-format = Photos become
photo-format-jpeg = JPEG
photo-format-webp = WebP
photo-format-keep = Their own format
photo-format-by-site = set by daybook: photo_format in _config.yml
rule-oversized-image = { $file } is { $width } px wide, more than twice the { $shown } px it is shown at: readers download pixels they never see (import it again shrunk, or set daybook: content_width to the theme's column)
gallery-form = Gallery:
gallery-include = the site's { $name }
gallery-include-hover = Written as {"{"}% include { $name } { $param }="…" %{"}"}: the site's own gallery include, which takes the photos as a list
gallery-plain = daybook's HTML
gallery-plain-hover = A <div class="daybook-gallery"> of figures, plain HTML (the README shows the CSS that lays it out as a grid)
no-such-gallery = no gallery include `{ $name }` in _includes/ takes a list of photos (or use --gallery plain)
gallery-chosen = gallery: written for the site's _includes/{ $name } (--gallery plain for daybook's own HTML)

## Theme preview (`daybook serve`, Preview in theme)
serve-no-ruby = Ruby is not installed, so the site's Jekyll cannot run. Install it with: { $install }
serve-no-jekyll = Jekyll is not installed. Install it with: { $install }
serve-jekyll-failed = Jekyll would not run: { $error }
serve-io = The theme preview failed: { $error }
serve-no-cache = There is no cache folder for the theme preview.
serve-port = No port on 127.0.0.1 for the theme preview: { $error }
serve-already = This site is already previewed in its theme at { $url } (daybook process { $pid }). Stop that one first.
serve-preparing = Copying the site to daybook's cache folder and starting its Jekyll…
serve-using = Building with { $version } ({ $how }).
serve-pages = Built as GitHub Pages builds it: safe mode, its plugins only.
serve-pages-not-run = Built as GitHub Pages builds it: safe mode. Pages would not run: { $plugins }
serve-runs-site-code = Jekyll runs the site's own Ruby code (_plugins/, the Gemfile's gems).
serve-built = Built in { $seconds } s ({ $kind }).
serve-no-browser = Could not open a browser: open { $url }
serve-failed = The build failed ({ $count ->
    [one] 1 error
   *[other] { $count } errors
}); the last good pages are still served:
serve-ended = Jekyll stopped (exit code { $code }); it starts again at the next change.
theme-preview = Theme preview
preview-in-theme = Preview in theme
preview-in-theme-hover = Build the post with the site's own Jekyll and open its page in the site's theme, in the browser (Ctrl+Shift+P)
theme-menu = Theme
open-theme-page = Open the page in the browser
full-rebuild = Full rebuild
stop-theme = Stop
theme-trust-run = Run the site's Jekyll
theme-trust = The theme preview runs this site's own Jekyll, and with it the site's own Ruby code: its _plugins/ folder and the gems of its Gemfile. Run only a site you trust. It builds a copy of the site in daybook's cache folder; nothing is written into { $site }.
theme-starting = Copying the site and starting its Jekyll…
theme-pages = GitHub Pages' safe mode
theme-pages-not-run = GitHub Pages' safe mode; Pages would not run: { $plugins }
theme-building-full = Building the whole site…
theme-building = Building what changed…
theme-built = Built in { $seconds } s
theme-failed = The build failed ({ $count ->
    [one] 1 error
   *[other] { $count } errors
}): the last good pages are served
theme-failed-hover = The errors are listed in the problems panel, with their file and line
theme-ended = Jekyll stopped (exit code { $code }); it starts again at the next change
theme-open-hover = Open this page in the browser
theme-lists-stale = { $count ->
    [one] 1 page that lists this post may be stale
   *[other] { $count } pages that list this post may be stale
}
theme-lists-stale-hover = Jekyll's incremental build renders the changed post again, not the pages that list posts. Full rebuild renders them too.
problems-theme-build = Theme preview build: { $counts }
serve-built-full = whole site
serve-built-incremental = what changed
gallery-front-matter-hover = Written as { $tag }, the photos listed in the front matter under { $key }: (url, image_path, alt, and the caption as title), as minimal-mistakes' gallery reads them
gallery-front-matter-taken = { $name } shows only the front matter's gallery: list, which this post already has: daybook's HTML is written instead
theme-failed-first = The build failed ({ $count ->
    [one] 1 error
   *[other] { $count } errors
}): the page is built once it is fixed
