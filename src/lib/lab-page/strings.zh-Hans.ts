/**
 * 实验页、实验列表与教师页的中文界面文字（与 strings.en.ts 的键相同）。
 * 评分器自己的句子（通过、未通过、原因）由引擎按实验的语言给出（src/lib/labs/messages.ts）。
 */
import type { labPageEn } from './strings.en.ts';

export const labPageZh: Record<keyof typeof labPageEn, string> = {
	'labs.heading': '实验',
	'labs.intro': '带即时反馈的作业：每位学生有自己的一组数值，“检查”按钮会重新运行你的作答。',
	'labs.points': '{n} 分',
	'labs.due': '截止 {date}',
	'labs.englishOnly': '英文版',
	'labs.forInstructors': '教师专页：编写、预览与评分实验',
	'lab.label': '实验',
	'lab.studentId': '你的学号',
	'lab.studentIdHint': '检查与提交之前必须填写：下面你的数值由它生成，请与教师给你的学号完全一致。',
	'lab.yourValues': '你的数值',
	'lab.valuesNeedId': '填写学号后即可看到你的数值。',
	'lab.tasks': '任务',
	'lab.task': '任务 {n}',
	'lab.check': '检查',
	'lab.checking': '正在检查……',
	'lab.cancel': '取消检查',
	'lab.cancelled': '检查已取消。',
	'lab.needId': '请先在页面顶部填写学号：你的数值取决于它。',
	'lab.passed': '通过：得 {points} 分，共 {max} 分。',
	'lab.failed': '尚未通过：得 {points} 分，共 {max} 分。',
	'lab.stale': '检查之后你修改了这个答案：请再检查一次。',
	'lab.manual': '由教师批改（{n} 分）。',
	'lab.reset': '将任务恢复为初始内容',
	'lab.undoReset': '撤销恢复',
	'lab.resetDone': '初始内容已恢复；你的文字仍可找回。',
	'lab.pointsSoFar': '目前得分：{points} / {max}',
	'lab.pointsNote': '仅计入已检查的任务；书面回答由教师批改。',
	'lab.answerLabel': '你对“{title}”的回答',
	'lab.codeLabel': '你为“{title}”编写的代码',
	'lab.unit': '单位：{unit}',
	'lab.dataHint': 'JSON 或 YAML；可以设置：{fields}',
	'lab.savedHere': '你的作答会在输入时保存在本浏览器中。',
	'lab.notSaved': '本浏览器无法保存你的作答（存储不可用）：离开之前请先提交。',
	'lab.handIn': '提交',
	'lab.submit': '提交：下载我的作答文件',
	'lab.submitted': '已下载 {name}。请按教师的要求提交这个文件。',
	'lab.open': '打开作答文件……',
	'lab.openLabel': '打开作答文件',
	'lab.opened': '已打开 {name}：其中的答案与学号替换了你的作答。',
	'lab.undoOpen': '恢复我之前的作答',
	'lab.restored': '你之前的作答已恢复。',
	'lab.openFailed': '无法打开 {name}：{error}。你的作答没有改变。',
	'lab.openWarnings': '已忽略：{warnings}',
	'lab.errorAt': '文件第 {line} 行第 {column} 列：',
	'lab.checkFailed': '检查无法运行：{error}',
	'instructor.title': '教师专页',
	'instructor.intro':
		'如何编写实验；以某位学生的视角预览任意实验并检查参考答案；如何为一个文件夹的作答评分。',
	'instructor.contents': '本页内容',
	'instructor.preview': '预览实验',
	'instructor.previewIntro':
		'选择一个实验并输入学号：页面会生成该学生的数值，并用它们检查参考答案，与评分器的做法相同。',
	'instructor.lab': '实验',
	'instructor.seed': '学号（数值的种子）',
	'instructor.run': '检查参考答案',
	'instructor.solution': '以该学生身份提交的参考答案',
	'instructor.noSolution': '没有参考答案：由教师手工批改。',
	'instructor.grading': '评分',
	'instructor.gradingIntro':
		'把学生的 JSON 文件收集到一个文件夹中，然后重新运行每一份作答（文件里写的分数从不被读取）：',
	'instructor.gradingCsv':
		'表格列出每位学生每个任务的得分与问题；grades.csv 包含 student_id、total、每个任务一列以及 problems。无法评分的文件会连同原因一起列出，评分继续进行。',
	'instructor.moodle':
		'Moodle：成绩 → 导入 → CSV 文件；把 student_id 对应到学生填写的用户字段（学号或用户名），把每个任务列对应到一个成绩项。',
	'instructor.canvas':
		'Canvas：成绩册导入按其自身导出文件中的学生列（例如 SIS User ID）匹配行：把 student_id 改名为该列，并在确认之前检查预览。',
	'instructor.guide': '如何编写实验',
	'instructor.guideSource': '本指南即仓库中的 {path}，在构建网站时渲染，与仓库文件同源。',
	'instructor.guideEnglish': '本指南目前只有英文版。'
};
