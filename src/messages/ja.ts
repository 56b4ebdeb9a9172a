import type { MessageId } from './en.js';
import { jaWizard } from './ja-wizard.js';

/** Japanese text. Ids missing here fall back to English (see t() in index.ts). */
export const ja: Partial<Record<MessageId, string>> = {
  ...jaWizard,
  'error.noTerminal': '質問できる端末がなく、--non-interactive も指定されていません',
  'hint.noTerminal': 'スクリプトでは --non-interactive --method=auto(または方法名)を付けてください。--help を参照',
  'error.noConnector': 'このコンピュータに Secure Endpoint コネクタが見つかりません',
  'error.notElevated': '管理者権限が必要です',
  'hint.elevateWindows': '「コマンド プロンプト」を右クリック >「管理者として実行」で開き、同じコマンドを再実行してください',
  'hint.elevateMacos': 'sudo を付けて同じコマンドを再実行してください',
  'outcome.recovered': '分離は解除され、確認できました',
  'outcome.notIsolated': 'このコンピュータは分離されていません。作業は不要です',
  'outcome.notRecovered': '分離は解除されませんでした',
  'outcome.notRecoveredBecause': '分離は解除されませんでした: {reason}',
  'outcome.cancelled': '中断しました({signal})。停止したサービスは再起動しました',
  'registry.cameBack': 'サービス起動時に unlock_code の値が戻りました',
  'console.pendingStop': 'コンソールの停止が pending_stop のままです。コネクタがクラウドに接続できません。次はロック解除コードです',
  'summary.result': '結果',
  'summary.next': '次に',
  'summary.backups': 'バックアップ',
  'summary.report': 'レポート',
  'progress.skipped': 'スキップ',
  'progress.verified': '確認済み',
  'progress.notVerified': '未確認',
};
