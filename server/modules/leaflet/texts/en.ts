import type { LeafletTexts } from "./types";

export const en: LeafletTexts = {
  title: "Your rights",
  intro: [
    "This leaflet tells you about your rights.",
    "You may be a victim of human trafficking. It is not your fault.",
    "People here want to help you.",
    "If something is not clear, ask. We will explain again.",
  ],
  keepSafe: "Keep this leaflet only if it is safe for you.",
  emergency: "In danger now? Call {phone}.",
  sections: {
    lawyer: {
      heading: "A lawyer",
      body: [
        "You have the right to a lawyer.",
        "The lawyer gives you advice and help for free.",
        "The lawyer can be with you when you talk to the police or go to court.",
      ],
    },
    interpreter: {
      heading: "An interpreter",
      body: [
        "You have the right to an interpreter in your language.",
        "This is free.",
        "If you do not understand something, say so.",
      ],
    },
    assistance_regardless_of_cooperation: {
      heading: "Help and support",
      body: [
        "You can get help: a safe place to stay, medical care, help from a psychologist, social help and legal help.",
        "The help is free.",
        "You get this help whether or not you talk to the police.",
        "You do not have to give a statement to get help.",
      ],
    },
    protection: {
      heading: "Safety and privacy",
      body: [
        "You have the right to protection. If you are afraid, tell us. We will plan your safety with you.",
        "Your personal information is confidential. Only the people who help you may see it.",
        "If you speak in court, the court can protect you. For example, your name can stay secret.",
      ],
    },
    compensation: {
      heading: "Compensation",
      body: [
        "You have the right to ask for money for the harm done to you. This is called compensation.",
        "You can ask for it in court or from a state fund for victims.",
        "Your lawyer can help you with this.",
      ],
    },
    reflection_period: {
      heading: "Time to rest and decide",
      body: [
        "You have at least {days} to rest, recover and think about your future.",
        "During this time nobody will send you away, and you get help.",
        "You do not have to decide now.",
        "You decide yourself if you want to help the police.",
      ],
    },
    non_prosecution: {
      heading: "You will not be punished",
      body: [
        "You will not be prosecuted or punished for prostitution or for entering the country illegally if this happened because of the trafficking.",
      ],
    },
    future: {
      heading: "Going home or staying",
      body: [
        "You can choose to go home. Going home is voluntary. We help you to go home safely.",
        "Before you go, we check with you that it is safe for you.",
        "If you are from another country, you may get a permit to stay here for some time.",
        "You can also ask for international protection (asylum).",
        "A court case does not stop you from going home.",
      ],
    },
    complaint: {
      heading: "How to complain",
      body: [
        "If you are treated badly, or your rights are not respected, you can complain.",
        "Complaining is free. You will not lose your help because you complained.",
        "You can complain here:",
      ],
    },
  },
  days: { one: "day", other: "days" },
  contact: { phone: "Phone", email: "Email", web: "Website" },
  handwritten: { contactPerson: "Your contact person", phone: "Phone" },
  footer: "This leaflet is free. It contains no personal information.",
  availableIn: "Also in:",
};
