/** The new-story page: the article form; on success opens the story, or lists the inputs that failed. */
import { createStory } from './api.js';
import { articleForm } from './article-form.js';
import { h } from './dom.js';
import { failureList } from './failures.js';
import { plural } from './format.js';
import { storyHref } from './router.js';

/** Builds the page. */
export function newStoryPage(): HTMLElement {
  const form = articleForm({
    idPrefix: 'new',
    submitLabel: 'Create story',
    storyFields: true,
    initialTextBoxes: 3,
    onSubmit: async (data) => {
      const { story, failures } = await createStory(data);
      if (failures.length === 0) {
        location.hash = storyHref(story.id);
        return null;
      }
      // Some inputs failed: say which before moving on, so the reader can fix them.
      return h(
        'div',
        { class: 'form-outcome' },
        h(
          'p',
          { class: 'success' },
          `Story created from ${plural(story.articleCount, 'article')}. `,
          h('a', { href: storyHref(story.id), class: 'open-story' }, 'Open the story'),
        ),
        failureList(failures),
      );
    },
  });
  return h(
    'div',
    { class: 'page page-new' },
    h('h1', { tabindex: -1 }, 'New story'),
    h(
      'p',
      { class: 'lead' },
      'Give several reports of the same event. Parallax cleans them, compares them and cites every statement.',
    ),
    form,
  );
}
