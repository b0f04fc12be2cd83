import type { ArticleSuggestion } from "./types";

/** Waits for a pause in typing, so a half-typed question is never looked up (nor answered with a wrong article). */
const pauseMs = 400;

/**
 * Suggested articles under the pre-chat question: as the visitor types, the help center's best matches appear as
 * links that open in a new tab, so an answer may be one click away before anyone has to chat.
 */
export class ArticleSuggestions {
  readonly element: HTMLElement;
  private readonly list: HTMLUListElement;
  private timer?: ReturnType<typeof setTimeout>;
  private asked = "";

  constructor(private readonly suggest: (question: string) => Promise<ArticleSuggestion[]>) {
    this.element = document.createElement("div");
    this.element.className = "crm-articles crm-hidden";
    this.element.dataset.testid = "widget-articles";
    const heading = document.createElement("p");
    heading.className = "crm-articles-title";
    heading.textContent = "These articles may help:";
    this.list = document.createElement("ul");
    this.element.append(heading, this.list);
  }

  /** The question changed: look it up once typing pauses; an answer to an older question is dropped. */
  typed(question: string): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const asked = (this.asked = question.trim());
      this.suggest(asked)
        .then((articles) => {
          if (asked === this.asked) this.render(articles);
        })
        .catch(() => this.render([]));
    }, pauseMs);
  }

  private render(articles: ArticleSuggestion[]): void {
    this.list.replaceChildren(
      ...articles.map((article) => {
        const item = document.createElement("li");
        const link = document.createElement("a");
        link.href = article.url;
        link.target = "_blank";
        link.rel = "noopener";
        // Text only: titles and passages are never parsed as markup.
        link.textContent = article.title;
        link.dataset.testid = "widget-article";
        const passage = document.createElement("span");
        passage.className = "crm-articles-passage";
        passage.textContent = article.passage;
        item.append(link, passage);
        return item;
      }),
    );
    this.element.classList.toggle("crm-hidden", articles.length === 0);
  }
}
