package io.maildiag.ndr;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildiag.ndr.code.Provider;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bounce texts in the sender's language, as Gmail, Google Groups, Microsoft 365 and other
 * webmail systems write them: each names its reason without an English word or a code.
 */
class LocalisedWordingTest {

  private static Reason classify(String text) {
    return ReasonClassifier.standard().classify(new ClassificationInput(Optional.empty(), Optional.empty(), text,
        "failed", Provider.OTHER)).reason();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      // Google Groups: the group may not exist, or you may not post to it
      "de|Die Gruppe, an die Sie schreiben (team), ist möglicherweise nicht vorhanden, oder Sie haben keine Berechtigung, darin zu posten.",
      "fr|Le groupe (team) n'existe pas ou vous n'êtes pas autorisé à publier des messages dans ce groupe.",
      "es|Es posible que el grupo (team) no exista o que no tengas permiso para publicar mensajes en él.",
      "it|Il gruppo (team) potrebbe non esistere oppure non disponi dell'autorizzazione necessaria per pubblicare messaggi.",
      "pt|O grupo (team) pode não existir ou você não tem permissão para postar mensagens nele.",
      "nl|De groep (team) bestaat mogelijk niet of je hebt geen toestemming om berichten in de groep te posten.",
      "pl|Grupa (team) może nie istnieć lub nie masz uprawnień do publikowania wiadomości w tej grupie.",
      "sv|Gruppen (team) kanske inte finns eller så har du inte behörighet att publicera meddelanden i gruppen.",
      "tr|Grup (team) mevcut olmayabilir veya gruba mesaj yayınlama izniniz olmayabilir.",
      "ru|Группа (team) не существует, или у вас нет прав на публикацию сообщений в этой группе.",
      "fa|گروه (team) ممکن است وجود نداشته باشد یا مجوز لازم برای ارسال پیام به این گروه را ندارید.",
      "ar|قد لا تكون المجموعة (team) موجودة أو ليس لديك إذن بنشر الرسائل فيها.",
      "ja|グループ（team）が存在しないか、このグループにメッセージを投稿する権限がない可能性があります。",
      "zh-CN|您尝试联系的群组 (team) 可能不存在，或者您没有发帖的权限。",
      "zh-TW|您嘗試聯絡的群組 (team) 可能不存在，或是您沒有張貼訊息的權限。",
      "ko|그룹(team)이 존재하지 않거나 그룹에 메시지를 게시할 권한이 없습니다.",
      "id|Grup (team) mungkin tidak ada, atau Anda tidak memiliki izin untuk memposting pesan ke grup.",
  })
  void groupPostingRefusalsAreRejections(String language, String text) {
    assertThat(classify(text)).as(language).isEqualTo(Reason.REJECTED);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "de|Adresse nicht gefunden. Ihre Nachricht wurde nicht an bob@example.com zugestellt.",
      "de-exchange|Der Empfänger wurde nicht gefunden.",
      "de-noumlaut|Empfaenger unbekannt",
      "fr|Adresse introuvable : votre message n'a pas été distribué à bob@example.com.",
      "fr-2|L'utilisateur n'existe pas sur ce serveur.",
      "es|No se ha encontrado la dirección. Tu mensaje no se ha entregado.",
      "es-2|El usuario no existe.",
      "it|Indirizzo non trovato: il messaggio non è stato recapitato.",
      "pt|Endereço não encontrado. Sua mensagem não foi entregue.",
      "pt-2|O usuário não existe neste domínio de e-mail.",
      "nl|Adres niet gevonden. Je bericht is niet afgeleverd.",
      "pl|Nie znaleziono adresu. Wiadomość nie została dostarczona.",
      "tr|Adres bulunamadı. İletiniz teslim edilemedi.",
      "ru|Адрес не найден. Ваше сообщение не доставлено.",
      "ru-2|Такого пользователя нет.",
      "uk|Адресу не знайдено.",
      "ja|アドレスが見つかりませんでした。メッセージは配信されませんでした。",
      "ja-2|このメールアドレスは存在しません。",
      "zh-CN|找不到地址。您的邮件无法送达。",
      "zh-CN-2|收件人不存在",
      "zh-TW|找不到地址。您的郵件無法傳送。",
      "ko|주소를 찾을 수 없음: 메일이 전송되지 않았습니다.",
      "ko-2|550 사용자를 찾을 수 없습니다",
      "ko-3|계정을 찾을 수 없습니다.",
      "vi|Không tìm thấy địa chỉ.",
      "he|הכתובת לא נמצאה",
      "de-m365|Ihre Nachricht an bob@example.com konnte nicht übermittelt werden. bob wurde bei example.com nicht gefunden.",
      "fr-m365|Votre message pour bob@example.com n'a pas pu être remis. bob est introuvable sur example.com.",
      "es-m365|No se pudo entregar el mensaje a bob@example.com. No se encontró a bob en example.com.",
      "it-m365|Impossibile recapitare il messaggio. bob non è stato trovato in example.com.",
      "pt-m365|Não foi possível entregar sua mensagem. bob não foi encontrado em example.com.",
      "nl-m365|Uw bericht kan niet worden bezorgd. bob is niet gevonden op example.com.",
      "ja-m365|bob@example.com にメッセージを配信できませんでした。bob が example.com で見つかりませんでした。",
  })
  void addressNotFoundIsUserUnknown(String language, String text) {
    assertThat(classify(text)).as(language).isEqualTo(Reason.USER_UNKNOWN);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "de|Das Postfach des Empfängers ist voll und kann keine Nachrichten annehmen.",
      "fr|La boîte aux lettres du destinataire est pleine.",
      "es|El buzón del destinatario está lleno.",
      "it|La casella di posta del destinatario è piena.",
      "it-m365|La cassetta postale di bob è piena.",
      "pt|A caixa de correio do destinatário está cheia.",
      "nl|Het postvak van de ontvanger is vol.",
      "pl|Skrzynka odbiorcy jest pełna.",
      "ru|Почтовый ящик получателя переполнен.",
      "ja|宛先のメールボックスがいっぱいです。",
      "zh-CN|对方邮箱已满，无法接收邮件。",
      "zh-TW|對方信箱已滿",
      "ko|받는 사람의 메일함이 가득 찼습니다.",
  })
  void mailboxFull(String language, String text) {
    assertThat(classify(text)).as(language).isEqualTo(Reason.MAILBOX_FULL);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "de|Die Nachricht ist zu groß für das Postfach des Empfängers.",
      "fr|Le message est trop volumineux.",
      "es|El mensaje es demasiado grande.",
      "it|Il messaggio è troppo grande.",
      "pt|A mensagem é muito grande.",
      "nl|Het bericht is te groot.",
      "ru|Сообщение слишком большое.",
      "ja|メッセージが大きすぎるため配信できませんでした。",
      "zh-CN|邮件过大，无法投递。",
  })
  void messageTooLarge(String language, String text) {
    assertThat(classify(text)).as(language).isEqualTo(Reason.EMAIL_TOO_LARGE);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "de-spam|Die Nachricht wurde als Spam eingestuft.|SPAM_DETECTED",
      "fr-spam|Message refusé : courrier indésirable.|SPAM_DETECTED",
      "es-spam|Mensaje rechazado por ser correo no deseado.|SPAM_DETECTED",
      "ja-spam|迷惑メールと判定されたため受信を拒否しました。|SPAM_DETECTED",
      "zh-spam|邮件被判定为垃圾邮件|SPAM_DETECTED",
      "de-list|Ihre IP-Adresse steht auf einer Sperrliste.|BLOCKED",
      "es-list|Su dirección IP está en una lista negra.|BLOCKED",
      "ru-list|Ваш IP-адрес находится в черном списке.|BLOCKED",
      "ja-filter|受信拒否設定により配信できませんでした。|FILTERED",
      "de-disabled|Das Konto des Empfängers wurde deaktiviert.|SUSPENDED",
      "es-disabled|La cuenta del destinatario está desactivada.|SUSPENDED",
      "de-domain|Die Domain example.invalid existiert nicht.|HOST_UNKNOWN",
  })
  void otherReasons(String language, String text, Reason want) {
    assertThat(classify(text)).as(language).isEqualTo(want);
  }
}
