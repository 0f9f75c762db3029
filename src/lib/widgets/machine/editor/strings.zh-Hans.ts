/** The machine widget's strings in Simplified Chinese: the editor's (Monaco) labels and messages (keys of strings.en.ts). */
import type { editorEn } from './strings.en.ts';

export const editorZh: Record<keyof typeof editorEn, string> = {
	'editor.loading': '正在加载编辑器……',
	'editor.loadFailed': '代码编辑器未能加载（{error}）。仍可在这里以纯文本编辑程序。',
	'editor.tabHint':
		'在编辑器中按 Tab 键会缩进。若要用 Tab 键离开编辑器，先按 Ctrl+M（Mac 上为 Ctrl+Shift+M）；再按一次即恢复用 Tab 缩进。F9 在光标所在行设置或取消断点。',
	'editor.toggleBreakpoint': '设置/取消断点',
	'editor.breakpoint': '断点：单击圆点或在这一行按 F9 可取消',
	'editor.currentLine': '程序计数器（pc）指向这一行'
};
