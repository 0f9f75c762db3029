import type { MessageKey } from './en.ts';

/**
 * 课程页面上的全部界面文字（简体中文）。术语与 LESSONS.md 一致：虚拟机、虚拟化平台、资源利用率…
 * A `Record<MessageKey, string>`: TypeScript and a unit test keep the keys equal to English.
 */
export const zhHans: Record<MessageKey, string> = {
	'site.name': 'VirtLab',
	'site.tagline': '虚拟化原理交互式课程',
	'nav.skip': '跳到正文',
	'nav.outline': '课程大纲',
	'nav.language': '语言',
	'lang.switch': '用中文阅读本页',
	'lang.native': '中文',
	'outline.title': '课程',
	'outline.intro':
		'每一课是 20–40 分钟的阅读与动手：公式、滑块和图表都可以实时调整。可以按顺序学习，也可以按课程需要选择。',
	'outline.progress': '已完成 {done}/{total} 课',
	'outline.englishOnly': '英文版',
	'duration.minutes': '{n} 分钟',
	'done.label': '已完成',
	'done.labelFor': '将“{title}”标记为已完成',
	'done.finished': '我已学完本课',
	'lesson.number': '第 {n} 课',
	'lesson.objectives': '学完本课，你将能够',
	'lesson.prerequisites': '先修课程',
	'lesson.contents': '目录',
	'lesson.previous': '上一课',
	'lesson.next': '下一课',
	'lesson.pager': '课程导航',
	'reveal.show': '显示答案',
	'notFound.title': '页面不存在',
	'notFound.text': '这个地址没有页面。它可能已被移动，或者链接有误。',
	'notFound.home': '返回课程大纲',
	'error.title': '出错了',
	'footer.about': 'VirtLab 是一个静态网站：你的学习进度和笔记本修改只保存在本浏览器中。',
	'footer.models': '标为“模型周期”（model cycles）的开销来自有文档的开销模型，而不是实测。'
};
