/**
 * Every piece of Hugging Face markup knowledge: selectors, URL shapes and text patterns.
 * The site re-skins its pages every few months, so these lean on what has stayed true
 * (links to /papers/<arXiv id>, headings, ARIA roles, visible wording), never on Tailwind classes.
 */

/** Hosts whose /papers pages we understand. */
export const HF_HOSTS: ReadonlySet<string> = new Set(['huggingface.co', 'www.huggingface.co']);
export const HF_ORIGIN = 'https://huggingface.co';

/** New-style arXiv id, no version (HF only lists these). */
export { ARXIV_ID_RE } from '../model/paper';
export const ARXIV_VERSION_SUFFIX_RE = /v\d+$/;

/**
 * A link to one paper: relative `/papers/<id>` or absolute huggingface.co, optional version, slash,
 * query and hash. Group 1 = id without version; group 2 = hash (with '#'), if any.
 */
export const PAPER_HREF_RE =
  /^(?:(?:https?:)?\/\/(?:www\.)?huggingface\.co)?\/papers\/(\d{4}\.\d{4,5})(?:v\d+)?\/?(?:\?[^#]*)?(#.*)?$/i;

/**
 * Where PaperSift runs: /papers, /papers?date=… and /papers/* — but not /paperswithcode.
 * The content script's `matches` and the context menu's `documentUrlPatterns`.
 */
export const PAPERS_MATCH_PATTERNS = [
  'https://huggingface.co/papers',
  'https://huggingface.co/papers?*',
  'https://huggingface.co/papers/*',
];

/** URL paths (trailing slash removed) of the papers pages. */
export const PAPERS_INDEX_PATH = '/papers';
export const DAILY_PATH_RE = /^\/papers\/date\/\d{4}-\d{2}-\d{2}$/;
export const WEEKLY_PATH_RE = /^\/papers\/week\/[^/]+$/;
export const MONTHLY_PATH_RE = /^\/papers\/month\/[^/]+$/;
export const TRENDING_PATH = '/papers/trending';
export const PAPER_PATH_RE = /^\/papers\/(\d{4}\.\d{4,5})(?:v\d+)?$/;

/** Query parameters of the /papers index. */
export const SEARCH_PARAM = 'q';
export const WEEK_PARAM = 'week';
export const MONTH_PARAM = 'month';
export const PERIOD_PARAM = 'periodType';

/** Our own injected UI carries this attribute; nothing inside it is page content. */
export const OUR_UI_ATTR = 'data-papersift-ui';
export const OUR_UI_SELECTOR = `[${OUR_UI_ATTR}]`;

export const LINK_SELECTOR = 'a[href]';
/** Pre-filter for paper links (PAPER_HREF_RE decides): fewer elements cross into script on long pages. */
export const PAPER_LINK_SELECTOR = 'a[href*="/papers/" i]';
export const HEADING_SELECTOR = 'h1, h2, h3, h4, h5, h6';
export const HEADING_TAG_RE = /^H([1-6])$/i;
/** Elements whose text is never page content. */
export const NON_CONTENT_TAG_RE = /^(SCRIPT|STYLE|TEMPLATE|NOSCRIPT)$/i;
export const MAIN_SELECTOR = 'main';
/**
 * Semantic card element: when the structural root is wider than the title's nearest <article>
 * (a page listing a single paper), the article is the card. Never required for detection.
 */
export const CARD_ELEMENT_SELECTOR = 'article';
/**
 * Before PaperSift has read the page (at `document_start`), a card is taken to be an <article> holding a link to a
 * paper, as the parser makes them: only for hiding cards before they are painted, never for detection (which works
 * on any markup and takes over as soon as it has run).
 */
export const EARLY_CARD_TAG = 'article';
export const EARLY_ANY_PAPER_LINK = 'a[href*="/papers/"]';

/** Running text: a link in it is a citation, never a card's title. */
export const PROSE_SELECTOR = 'p';
/** Elements never taken as a card root: the page itself. */
export const NEVER_ROOT_TAGS: ReadonlySet<string> = new Set(['HTML', 'BODY', 'MAIN']);
/** Content that makes a link a thumbnail / video link. */
export const MEDIA_SELECTOR = 'img, video, picture, canvas';

/** The upvote control (logged in or not) is an ARIA checkbox holding the count. */
export const UPVOTE_BOX_SELECTOR = '[role="checkbox"]';
/** Hash of the per-paper comments link, whose text is the comment count. */
export const COMMENTS_HASH = '#community';
export const GITHUB_LINK_SELECTOR = 'a[href^="https://github.com/"]';
export const GITHUB_URL_RE = /^https:\/\/github\.com\/[^\s"'<>]+$/;
export const TIME_SELECTOR = 'time[datetime]';
export const ISO_DATE_PREFIX_RE = /^(\d{4}-\d{2}-\d{2})/;

/** Paper page: the element holding the h1 is the "card"; its section when there is one. */
export const PAPER_PAGE_TITLE_SELECTOR = 'h1';
export const PAPER_PAGE_ROOT_SELECTOR = 'section';
/** Paper page: `<h2>Abstract</h2>` followed by the abstract block. */
export const ABSTRACT_HEADING_RE = /^abstract$/i;
/** Paper page: a label "Authors:" followed by one button (or link) per author. */
export const AUTHORS_LABEL_RE = /^authors:?$/i;
export const AUTHOR_NAME_SELECTOR = 'button, a';

/** List cards: "12 authors" next to the avatar list; avatars carry the HF handle as title. */
export const AUTHOR_COUNT_RE = /^(\d[\d,]*)\s+authors?$/i;
export const AUTHOR_LIST_SELECTOR = 'ul, ol';
export const AVATAR_SELECTOR = '[title]';

/** Abstract shown on a list card (trending `p`, search link text): at least this long. */
export const ABSTRACT_MIN_CHARS = 80;
export const ABSTRACT_BLOCK_SELECTOR = 'p';

/** Organisation chip: link to a one-segment path such as `/Edge0` showing the org name. */
export const ORG_PATH_RE = /^\/([A-Za-z0-9][A-Za-z0-9._-]*)\/?$/;
/** One-segment site paths that are not organisations or users. */
export const RESERVED_TOP_PATHS: ReadonlySet<string> = new Set(
  [
    'papers', 'models', 'datasets', 'spaces', 'collections', 'docs', 'blog', 'posts', 'learn', 'pricing',
    'login', 'join', 'logout', 'settings', 'notifications', 'new', 'enterprise', 'organizations', 'tasks',
    'terms-of-service', 'privacy', 'huggingface', 'chat', 'search', 'inference-endpoints',
  ].map((s) => s.toLowerCase()),
);
/** "Submitted by akhaliq": a user, not the paper's organisation. */
export const SUBMITTED_BY_RE = /^submitted\s+by\b/i;

/** A count as displayed: "186", "2.27k", "1.2M", "1,234". */
export const COUNT_RE = /^(\d+(?:,\d{3})*(?:\.\d+)?)\s*([kKmM])?$/;
/** The last count-like token in a longer text ("Upvote 25" → "25"), or a lone dash. */
export const TRAILING_COUNT_RE = /(\d+(?:,\d{3})*(?:\.\d+)?\s*[kKmM]?|-)\s*$/;

/** Displayed dates: "Published on Sep 16, 2026", "Sep 16, 2026", "Aug 26" (year omitted). */
export const DISPLAYED_DATE_RE = /^(?:published\s+on\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:,\s*(\d{4}))?$/i;
export const MONTHS: readonly string[] = [
  'jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec',
];

/** Hydration islands: `data-props` JSON (DailyPapers / PaperContent targets; any target is read). */
export const HYDRATION_ATTR = 'data-props';
export const HYDRATION_SELECTOR = `[${HYDRATION_ATTR}]`;
/** Keys holding lists of `{ paper, title?, summary?, numComments? }` entries. */
export const HYDRATION_LIST_KEYS: readonly string[] = ['dailyPapers', 'searchResults', 'papers'];
